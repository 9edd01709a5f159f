package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The control-plane duties the runner adds on top of fabric8's CRUD mock API server. */
class ControlPlaneTest {
    private final ControlPlane cluster =
            ControlPlane.start("-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n");

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void namespaces_get_the_root_ca_configmap_and_the_default_service_account() {
        cluster.ensureNamespace("interlink");

        assertThat(cluster.configMap("interlink", "kube-root-ca.crt"))
                .get()
                .satisfies(cm -> assertThat(cm.getData().get("ca.crt")).contains("\nA\n"));
        assertThat(cluster.client()
                        .serviceAccounts()
                        .inNamespace("interlink")
                        .withName("default")
                        .get())
                .isNotNull();
    }

    @Test
    void secret_string_data_is_stored_as_base64_data() {
        cluster.create(
                new SecretBuilder()
                        .withNewMetadata()
                        .withName("s")
                        .endMetadata()
                        .addToStringData("k", "héllo \"x\"")
                        .build(),
                "interlink");

        Secret stored = cluster.secret("interlink", "s").orElseThrow();
        assertThat(stored.getStringData()).isNullOrEmpty();
        assertThat(new String(Base64.getDecoder().decode(stored.getData().get("k")), StandardCharsets.UTF_8))
                .isEqualTo("héllo \"x\"");
    }

    @Test
    void pods_are_admitted_bound_and_their_status_written_back() {
        Pod created = (Pod) cluster.create(
                new PodBuilder()
                        .withNewMetadata()
                        .withName("p")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("c")
                        .withImage("busybox")
                        .endContainer()
                        .endSpec()
                        .build(),
                "ns");

        cluster.bind(created, "virtual-kubelet");
        boolean written = cluster.writeStatus(
                created,
                new PodStatusBuilder()
                        .withPhase("Running")
                        .withReason("Running")
                        .build());

        Pod stored = cluster.pod("ns", "p").orElseThrow();
        assertThat(written).isTrue();
        assertThat(stored.getMetadata().getUid()).isNotBlank();
        assertThat(stored.getSpec().getNodeName()).isEqualTo("virtual-kubelet");
        assertThat(stored.getSpec().getVolumes()).anyMatch(v -> v.getName().startsWith("kube-api-access-"));
        assertThat(stored.getStatus().getPhase()).isEqualTo("Running");
        cluster.delete("pod", "ns", "p");
        assertThat(cluster.writeStatus(
                        created, new PodStatusBuilder().withPhase("Failed").build()))
                .isFalse();
    }

    @Test
    void the_virtual_node_carries_interlinks_labels_and_taint() {
        var node = cluster.ensureNode("virtual-kubelet");

        assertThat(node.getMetadata().getLabels()).containsEntry("kubernetes.io/hostname", "virtual-kubelet");
        assertThat(node.getSpec().getTaints())
                .singleElement()
                .satisfies(t -> assertThat(t.getKey()).isEqualTo("virtual-node.interlink/no-schedule"));
    }
}
