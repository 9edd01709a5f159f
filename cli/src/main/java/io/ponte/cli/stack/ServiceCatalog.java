package io.ponte.cli.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The services of the standalone stack, in start order. */
public final class ServiceCatalog {
    private final List<ServiceSpec> services;

    public ServiceCatalog(List<ServiceSpec> services) {
        this.services = List.copyOf(services);
    }

    /** Ponte's stack as {@code ponte up} starts it. */
    public static ServiceCatalog standard() {
        return new ServiceCatalog(List.of(
                ServiceSpec.quarkusApp(
                        "model-registry", 8081, "PONTE_REGISTRY_PORT", "/api/model_registry/v1alpha3", List.of("api")),
                ServiceSpec.quarkusApp("inference-router", 8080, "PONTE_ROUTER_PORT", "/v1", List.of("api")),
                ServiceSpec.quarkusApp("rag", 8082, "PONTE_RAG_PORT", "/rag/v1", List.of("api"))
                        .withProperties(Map.of(
                                // Ponte's own documentation, so that a first `ponte ask` has something to answer from,
                                // and the INFN corpus when the shared material sits next to the repository.
                                "ponte.rag.ingest-on-start.ponte",
                                ServiceSpec.ROOT,
                                "ponte.rag.ingest-on-start.infn",
                                ServiceSpec.ROOT + "/../shared/corpus/infn-docs",
                                "ponte.rag.default-collection",
                                "ponte",
                                // `ponte ingest` may read the repository and the user's home, nothing else
                                "ponte.rag.allowed-roots",
                                ServiceSpec.ROOT + "," + System.getProperty("user.home"))),
                ServiceSpec.quarkusApp(
                        "pipeline-runner", 8083, "PONTE_PIPELINES_PORT", "/apis/v2beta1/runs", List.of("api"))));
    }

    public List<ServiceSpec> services() {
        return services;
    }

    public Optional<ServiceSpec> find(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The named services in catalogue order, or all of them when no name is given. */
    public List<ServiceSpec> select(List<String> names) {
        if (names == null || names.isEmpty()) {
            return services;
        }
        for (String name : names) {
            find(name).orElseThrow(() -> unknown(name));
        }
        List<ServiceSpec> selected = new ArrayList<>(services);
        selected.removeIf(s -> !names.contains(s.name()));
        return List.copyOf(selected);
    }

    /** The one named service. */
    public ServiceSpec get(String name) {
        return find(name).orElseThrow(() -> unknown(name));
    }

    private StackException unknown(String name) {
        String known = services.stream().map(ServiceSpec::name).collect(Collectors.joining(", "));
        return StackException.usage("unknown service '" + name + "'; the stack has: " + known);
    }
}
