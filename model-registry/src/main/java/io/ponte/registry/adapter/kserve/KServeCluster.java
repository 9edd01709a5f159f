package io.ponte.registry.adapter.kserve;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.ponte.api.kserve.InferenceService;
import io.ponte.registry.core.ServingSpec;
import io.ponte.registry.core.ServingStatus;
import io.ponte.registry.spi.ServingCluster;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.Closeable;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * KServe on the Kubernetes cluster the Quarkus fabric8 client points at. Deadlines are the client's request and
 * connection timeouts ({@code quarkus.kubernetes-client.*}).
 */
@ApplicationScoped
class KServeCluster implements ServingCluster {

    private final KubernetesClient client;
    private final KubernetesFailures failures;

    KServeCluster(KubernetesClient client) {
        this.client = client;
        this.failures = new KubernetesFailures(client.getConfiguration().getMasterUrl());
    }

    @Override
    public boolean configured() {
        String master = client.getConfiguration().getMasterUrl();
        boolean explicit = master != null && !stripSlash(master).equals(Config.DEFAULT_MASTER_URL);
        return explicit || System.getenv("KUBERNETES_SERVICE_HOST") != null;
    }

    @Override
    public JsonNode apply(ServingSpec spec) {
        InferenceService isvc = Manifests.of(spec);
        InferenceService stored = failures.call(
                "apply",
                spec.namespace(),
                spec.name(),
                () -> client.resource(isvc).createOr(NonDeletingOperation::update));
        return client.getKubernetesSerialization().convertValue(stored, JsonNode.class);
    }

    @Override
    public Optional<ServingStatus> get(String namespace, String name) {
        return failures.call(
                "read",
                namespace,
                name,
                () -> Optional.ofNullable(resource(namespace, name).get()).map(Manifests::status));
    }

    @Override
    public boolean delete(String namespace, String name) {
        return failures.call(
                "delete",
                namespace,
                name,
                () -> !resource(namespace, name).delete().isEmpty());
    }

    @Override
    public Closeable watch(Consumer<ServingStatus> listener) {
        StatusWatch watch = new StatusWatch(client, listener);
        watch.start();
        return watch;
    }

    private Resource<InferenceService> resource(String namespace, String name) {
        return client.resources(InferenceService.class).inNamespace(namespace).withName(name);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
