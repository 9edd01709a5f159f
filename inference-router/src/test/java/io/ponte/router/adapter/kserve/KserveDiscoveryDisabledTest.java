package io.ponte.router.adapter.kserve;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ponte.router.core.BackendRegistry;
import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class KserveDiscoveryDisabledTest {

    @Test
    void when_disabled_it_never_touches_the_kubernetes_client_and_counts_as_synced() {
        @SuppressWarnings("unchecked")
        Instance<KubernetesClient> untouchable = (Instance<KubernetesClient>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Instance.class}, (proxy, method, args) -> {
                    throw new AssertionError("the Kubernetes client was asked for: " + method.getName());
                });
        BackendRegistry registry = new BackendRegistry();
        InferenceServiceDiscovery discovery = new InferenceServiceDiscovery(Configs.router(), registry, untouchable);

        discovery.start(null);

        assertThat(discovery.name()).isEqualTo("kserve");
        assertThat(discovery.synced()).isTrue();
        assertThat(registry.replicas()).isEmpty();
        discovery.stop(null);
    }
}
