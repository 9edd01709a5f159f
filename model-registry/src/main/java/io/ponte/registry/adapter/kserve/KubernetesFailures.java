package io.ponte.registry.adapter.kserve;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ponte.registry.core.RegistryException;
import java.util.Optional;
import java.util.function.Supplier;

/** The one place Kubernetes API failures become {@link RegistryException}s that say what happened where. */
final class KubernetesFailures {

    private final String master;

    KubernetesFailures(String master) {
        this.master = master;
    }

    <T> T call(String action, String namespace, String name, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw translate(action, namespace + "/" + name, e);
        }
    }

    private RegistryException translate(String action, String what, KubernetesClientException e) {
        String said = Optional.ofNullable(e.getStatus())
                .map(s -> s.getMessage())
                .filter(m -> m != null && !m.isBlank())
                .orElse(e.getMessage());
        String prefix = "cannot " + action + " InferenceService " + what + ": ";
        if (e.getCode() <= 0) {
            return new RegistryException.Unavailable(
                    prefix + "the Kubernetes API at " + master + " did not answer (" + reason(e) + ")", e);
        }
        return switch (e.getCode()) {
            case 400, 422 -> RegistryException.invalid(null, prefix + "Kubernetes refused it: " + said);
            case 404 ->
                RegistryException.notFound(prefix + said
                        + " (does the namespace exist, and is KServe's InferenceService resource installed?)");
            case 409 -> new RegistryException.Conflict("name", prefix + said);
            case 401, 403 ->
                new RegistryException.Unavailable(
                        prefix + "the registry may not do that on the Kubernetes API (" + e.getCode() + "): " + said,
                        e);
            default ->
                new RegistryException.Unavailable(
                        prefix + "the Kubernetes API answered " + e.getCode() + ": " + said, e);
        };
    }

    /** The innermost cause; the client keeps the I/O failure as a suppressed exception when it has no cause. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (true) {
            Throwable next = root.getCause() != null
                    ? root.getCause()
                    : root.getSuppressed().length > 0 ? root.getSuppressed()[0] : null;
            if (next == null || next == root) {
                break;
            }
            root = next;
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
