package io.ponte.router.adapter.kserve;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ponte.router.config.RouterConfig;
import io.ponte.router.core.BackendRegistry;
import io.ponte.router.core.TimeoutResolver;
import io.ponte.router.spi.BackendSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The {@code kserve} backend source: when {@code ponte.router.kserve.enabled}, watches the
 * InferenceServices of the configured namespaces from start-up and keeps the registry in step with
 * them. Disabled (the default), it never creates a Kubernetes client and counts as synced.
 */
@ApplicationScoped
class InferenceServiceDiscovery implements BackendSource {

    private static final Logger LOG = Logger.getLogger(InferenceServiceDiscovery.class);

    private final RouterConfig config;
    private final BackendRegistry registry;
    private final Instance<KubernetesClient> clients;
    private volatile List<NamespaceWatch> watches = List.of();

    @Inject
    InferenceServiceDiscovery(RouterConfig config, BackendRegistry registry, Instance<KubernetesClient> clients) {
        this.config = config;
        this.registry = registry;
        this.clients = clients;
    }

    void start(@Observes StartupEvent event) {
        RouterConfig.KserveConfig kserve = config.kserve();
        if (!kserve.enabled()) {
            LOG.debug("KServe discovery is disabled (ponte.router.kserve.enabled=false)");
            return;
        }
        KubernetesClient client = clients.get();
        RegistrySync sync =
                new RegistrySync(registry, new BackendMapper(kserve, TimeoutResolver.defaults(config.timeouts())));
        List<String> namespaces = namespaces(kserve, client);
        LOG.infof("KServe discovery watching InferenceServices in %s via %s", namespaces, client.getMasterUrl());
        watches = namespaces.stream()
                .map(ns -> new NamespaceWatch(client, ns, sync))
                .toList();
        watches.forEach(NamespaceWatch::start);
    }

    void stop(@Observes ShutdownEvent event) {
        watches.forEach(NamespaceWatch::close);
    }

    @Override
    public String name() {
        return "kserve";
    }

    /** True when disabled; otherwise once every namespace's initial listing has been applied. */
    @Override
    public boolean synced() {
        if (!config.kserve().enabled()) {
            return true;
        }
        List<NamespaceWatch> current = watches;
        return !current.isEmpty() && current.stream().allMatch(NamespaceWatch::synced);
    }

    private static List<String> namespaces(RouterConfig.KserveConfig kserve, KubernetesClient client) {
        List<String> configured = kserve.namespaces().orElse(List.of()).stream()
                .map(String::trim)
                .filter(ns -> !ns.isEmpty())
                .distinct()
                .toList();
        if (!configured.isEmpty()) {
            return configured;
        }
        return List.of(Optional.ofNullable(client.getNamespace()).orElse("default"));
    }
}
