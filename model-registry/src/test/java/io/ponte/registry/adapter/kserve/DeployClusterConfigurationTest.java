package io.ponte.registry.adapter.kserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

/** Whether a Kubernetes API counts as configured, which decides between an immediate 503 and trying it. */
class DeployClusterConfigurationTest {

    @Test
    void a_client_left_at_the_fabric8_default_url_outside_a_cluster_is_not_configured() {
        assumeTrue(System.getenv("KUBERNETES_SERVICE_HOST") == null, "this test runs inside a cluster");
        try (KubernetesClient client = client(Config.DEFAULT_MASTER_URL)) {
            assertThat(new KServeCluster(client).configured()).isFalse();
        }
    }

    @Test
    void an_explicit_api_server_url_is_configured() {
        try (KubernetesClient client = client("https://api.hpc.example.org:6443")) {
            assertThat(new KServeCluster(client).configured()).isTrue();
        }
    }

    private static KubernetesClient client(String masterUrl) {
        Config config =
                new ConfigBuilder(Config.empty()).withMasterUrl(masterUrl).build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
