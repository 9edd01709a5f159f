package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code valueFrom} and {@code envFrom} into plain {@code env}, as the virtual kubelet does
 * before it calls the plugin: explicit {@code env} entries in spec order (they win over {@code
 * envFrom}), then the {@code envFrom} keys (later sources win, keys sorted, prefix applied).
 * A reference to a missing object or key that is not {@code optional} is an error, as it is for
 * a kubelet ({@code CreateContainerConfigError}).
 */
final class EnvResolver {
    private static final Pattern MAP_FIELD = Pattern.compile("^metadata\\.(labels|annotations)\\['(.+)']$");

    private final ClusterObjects cluster;

    EnvResolver(ClusterObjects cluster) {
        this.cluster = cluster;
    }

    /** Thrown when an env reference cannot be resolved. */
    static final class UnresolvableEnv extends Exception {
        UnresolvableEnv(String message) {
            super(message);
        }
    }

    /** Resolves every init container and container of {@code pod} in place. */
    void resolve(Pod pod) throws UnresolvableEnv {
        for (Container c : pod.getSpec().getInitContainers()) {
            resolve(pod, c);
        }
        for (Container c : pod.getSpec().getContainers()) {
            resolve(pod, c);
        }
    }

    private void resolve(Pod pod, Container container) throws UnresolvableEnv {
        List<EnvVar> resolved = new ArrayList<>();
        java.util.Set<String> explicit = new java.util.HashSet<>();
        for (EnvVar var : container.getEnv()) {
            explicit.add(var.getName());
            if (var.getValueFrom() == null) {
                resolved.add(new EnvVar(var.getName(), var.getValue() == null ? "" : var.getValue(), null));
                continue;
            }
            Optional<String> value = valueFrom(pod, container, var.getName(), var.getValueFrom());
            value.ifPresent(v -> resolved.add(new EnvVar(var.getName(), v, null)));
        }
        Map<String, String> fromSources = new TreeMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            envFrom(pod, container, source).forEach((k, v) -> fromSources.put(prefix + k, v));
        }
        fromSources.forEach((k, v) -> {
            if (!explicit.contains(k)) {
                resolved.add(new EnvVar(k, v, null));
            }
        });
        container.setEnv(resolved);
        container.setEnvFrom(new ArrayList<>());
    }

    private Map<String, String> envFrom(Pod pod, Container container, EnvFromSource source) throws UnresolvableEnv {
        String ns = pod.getMetadata().getNamespace();
        Map<String, String> out = new LinkedHashMap<>();
        if (source.getConfigMapRef() != null) {
            var ref = source.getConfigMapRef();
            var cm = cluster.configMap(ns, ref.getName());
            if (cm.isEmpty()) {
                missing(
                        Boolean.TRUE.equals(ref.getOptional()),
                        container,
                        "configmap \"" + ref.getName() + "\" not found");
            } else if (cm.get().getData() != null) {
                out.putAll(cm.get().getData());
            }
        }
        if (source.getSecretRef() != null) {
            var ref = source.getSecretRef();
            var secret = cluster.secret(ns, ref.getName());
            if (secret.isEmpty()) {
                missing(
                        Boolean.TRUE.equals(ref.getOptional()),
                        container,
                        "secret \"" + ref.getName() + "\" not found");
            } else if (secret.get().getData() != null) {
                secret.get().getData().forEach((k, v) -> out.put(k, decode(v)));
            }
        }
        return out;
    }

    private Optional<String> valueFrom(Pod pod, Container container, String name, EnvVarSource source)
            throws UnresolvableEnv {
        String ns = pod.getMetadata().getNamespace();
        if (source.getConfigMapKeyRef() != null) {
            var ref = source.getConfigMapKeyRef();
            var value = cluster.configMap(ns, ref.getName())
                    .map(cm -> cm.getData() == null ? null : cm.getData().get(ref.getKey()));
            return present(
                    value,
                    ref.getOptional(),
                    container,
                    name,
                    "key \"" + ref.getKey() + "\" of configmap \"" + ref.getName() + "\"");
        }
        if (source.getSecretKeyRef() != null) {
            var ref = source.getSecretKeyRef();
            var value = cluster.secret(ns, ref.getName())
                    .map(s -> s.getData() == null ? null : s.getData().get(ref.getKey()))
                    .map(EnvResolver::decode);
            return present(
                    value,
                    ref.getOptional(),
                    container,
                    name,
                    "key \"" + ref.getKey() + "\" of secret \"" + ref.getName() + "\"");
        }
        if (source.getFieldRef() != null) {
            return Optional.of(field(pod, source.getFieldRef().getFieldPath(), container, name));
        }
        if (source.getResourceFieldRef() != null) {
            return Optional.of(resource(pod, container, source.getResourceFieldRef()));
        }
        throw new UnresolvableEnv("container " + container.getName() + ": env " + name + " has an unknown valueFrom");
    }

    private static Optional<String> present(
            Optional<String> value, Boolean optional, Container container, String name, String what)
            throws UnresolvableEnv {
        if (value.isPresent()) {
            return value;
        }
        missing(Boolean.TRUE.equals(optional), container, "env " + name + ": " + what + " not found");
        return Optional.empty();
    }

    private static void missing(boolean optional, Container container, String what) throws UnresolvableEnv {
        if (!optional) {
            throw new UnresolvableEnv("container " + container.getName() + ": " + what);
        }
    }

    private static String field(Pod pod, String path, Container container, String name) throws UnresolvableEnv {
        var meta = pod.getMetadata();
        switch (path) {
            case "metadata.name":
                return meta.getName();
            case "metadata.namespace":
                return meta.getNamespace();
            case "metadata.uid":
                return meta.getUid();
            case "spec.nodeName":
                return nullToEmpty(pod.getSpec().getNodeName());
            case "spec.serviceAccountName":
                return nullToEmpty(pod.getSpec().getServiceAccountName());
            case "status.podIP":
                return pod.getStatus() == null
                        ? ""
                        : nullToEmpty(pod.getStatus().getPodIP());
            case "status.hostIP":
                return pod.getStatus() == null
                        ? ""
                        : nullToEmpty(pod.getStatus().getHostIP());
            default:
                Matcher m = MAP_FIELD.matcher(path);
                if (m.matches()) {
                    Map<String, String> map = m.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
                    return map == null ? "" : nullToEmpty(map.get(m.group(2)));
                }
                throw new UnresolvableEnv(
                        "container " + container.getName() + ": env " + name + ": unsupported fieldRef " + path);
        }
    }

    private static String resource(Pod pod, Container self, io.fabric8.kubernetes.api.model.ResourceFieldSelector ref)
            throws UnresolvableEnv {
        String target = ref.getContainerName() == null || ref.getContainerName().isEmpty()
                ? self.getName()
                : ref.getContainerName();
        Container c = pod.getSpec().getContainers().stream()
                .filter(x -> x.getName().equals(target))
                .findFirst()
                .orElseThrow(() -> new UnresolvableEnv("resourceFieldRef: no container " + target));
        String[] parts = ref.getResource().split("\\.", 2);
        var req = c.getResources();
        Map<String, Quantity> map = req == null
                ? Map.of()
                : parts[0].equals("limits") ? nonNull(req.getLimits()) : nonNull(req.getRequests());
        Quantity q = map.get(parts.length > 1 ? parts[1] : "");
        if (q == null) {
            return "0";
        }
        BigDecimal amount = q.getNumericalAmount();
        BigDecimal divisor =
                ref.getDivisor() == null ? BigDecimal.ONE : ref.getDivisor().getNumericalAmount();
        return amount.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
    }

    private static Map<String, Quantity> nonNull(Map<String, Quantity> m) {
        return m == null ? Map.of() : m;
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
