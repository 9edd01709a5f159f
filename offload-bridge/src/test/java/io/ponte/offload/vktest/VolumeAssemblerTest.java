package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeAssemblerTest {
    private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\nAAAA\n-----END CERTIFICATE-----\n";

    private final FakeClusterObjects cluster = new FakeClusterObjects()
            .with(cm("kube-root-ca.crt", Map.of("ca.crt", CA)))
            .with(cm("scripts", Map.of("run.py", "print('a')\nprint('b')\n", "other", "x")))
            .with(new SecretBuilder()
                    .withNewMetadata()
                    .withNamespace("ns")
                    .withName("creds")
                    .endMetadata()
                    .withData(Map.of("pw", "c2VjcmV0"))
                    .build());

    private static ConfigMap cm(String name, Map<String, String> data) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName(name)
                .endMetadata()
                .withData(data)
                .build();
    }

    private static Pod pod() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("p")
                .withUid("u")
                .endMetadata()
                .withNewSpec()
                .addNewInitContainer()
                .withName("init")
                .addNewVolumeMount()
                .withName("work")
                .withMountPath("/w")
                .endVolumeMount()
                .endInitContainer()
                .addNewContainer()
                .withName("a")
                .addNewVolumeMount()
                .withName("scripts")
                .withMountPath("/s")
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("work")
                .withMountPath("/w")
                .endVolumeMount()
                .endContainer()
                .addNewContainer()
                .withName("b")
                .addNewVolumeMount()
                .withName("creds")
                .withMountPath("/c")
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("projected")
                .withMountPath("/p")
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName("scripts")
                .withNewConfigMap()
                .withName("scripts")
                .endConfigMap()
                .endVolume()
                .addNewVolume()
                .withName("creds")
                .withNewSecret()
                .withSecretName("creds")
                .endSecret()
                .endVolume()
                .addNewVolume()
                .withName("work")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .addNewVolume()
                .withName("projected")
                .withNewProjected()
                .addNewSource()
                .withNewConfigMap()
                .withName("scripts")
                .endConfigMap()
                .endSource()
                .endProjected()
                .endVolume()
                .endSpec()
                .build();
        ServiceAccountAdmission.admit(pod);
        return pod;
    }

    @Test
    void each_container_gets_the_data_of_the_volumes_it_mounts_init_containers_first() throws Exception {
        CreateRequest request = new VolumeAssembler(cluster).assemble(pod());

        assertThat(request.containers())
                .extracting(CreateRequest.ContainerData::name)
                .containsExactly("init", "a", "b");
        CreateRequest.ContainerData init = request.containers().get(0);
        CreateRequest.ContainerData a = request.containers().get(1);
        CreateRequest.ContainerData b = request.containers().get(2);
        assertThat(init.configMaps()).isEmpty();
        assertThat(a.configMaps()).extracting(c -> c.getMetadata().getName()).containsExactly("scripts");
        assertThat(b.secrets())
                .singleElement()
                .satisfies(s -> assertThat(s.getData()).containsEntry("pw", "c2VjcmV0"));
        assertThat(b.projectedVolumeMaps())
                .extracting(c -> c.getMetadata().getName())
                .contains("projected")
                .anyMatch(n -> n.startsWith("kube-api-access-"));
        assertThat(b.projectedVolumeMaps())
                .filteredOn(c -> c.getMetadata().getName().equals("projected"))
                .singleElement()
                .satisfies(c -> assertThat(c.getData())
                        .containsEntry("run.py", "print('a')\nprint('b')\n")
                        .containsKey("other"));
    }

    @Test
    void the_service_account_volume_carries_token_multi_line_ca_and_namespace() throws Exception {
        CreateRequest request = new VolumeAssembler(cluster).assemble(pod());

        ConfigMap sa = request.containers().get(0).projectedVolumeMaps().get(0);
        assertThat(sa.getMetadata().getName()).startsWith("kube-api-access-");
        assertThat(sa.getData())
                .containsEntry("token", "token-of-p")
                .containsEntry("ca.crt", CA)
                .containsEntry("namespace", "ns");
        Pod wirePod = request.pod();
        assertThat(wirePod.getSpec().getServiceAccountName()).isEqualTo("default");
        assertThat(wirePod.getSpec().getContainers())
                .allSatisfy(c -> assertThat(c.getVolumeMounts())
                        .anyMatch(m -> m.getMountPath().equals(ServiceAccountAdmission.MOUNT_PATH) && m.getReadOnly()));
    }

    @Test
    void the_wire_body_has_interlinks_field_names_and_null_empty_dirs() throws Exception {
        CreateRequest request = new VolumeAssembler(cluster).assemble(pod());

        String json = new KubernetesSerialization().asJson(request.toWire());

        assertThat(json)
                .contains(
                        "\"pod\":{",
                        "\"container\":[",
                        "\"projectedvolumemaps\":[",
                        "\"emptyDirs\":null",
                        "\"configMaps\":null");
    }

    @Test
    void a_downward_api_volume_is_sent_as_a_projected_one() throws Exception {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("p")
                .withUid("u")
                .addToLabels("b", "2")
                .addToLabels("a", "1")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .addNewVolumeMount()
                .withName("info")
                .withMountPath("/i")
                .endVolumeMount()
                .endContainer()
                .addNewVolume()
                .withName("info")
                .withNewDownwardAPI()
                .addNewItem()
                .withPath("labels")
                .withNewFieldRef("v1", "metadata.labels")
                .endItem()
                .addNewItem()
                .withPath("name")
                .withNewFieldRef("v1", "metadata.name")
                .endItem()
                .endDownwardAPI()
                .endVolume()
                .endSpec()
                .build();

        CreateRequest request = new VolumeAssembler(cluster).assemble(pod);

        assertThat(request.containers().get(0).projectedVolumeMaps())
                .singleElement()
                .satisfies(c -> assertThat(c.getData())
                        .containsEntry("name", "p")
                        .containsEntry("labels", "a=\"1\"\nb=\"2\"\n"));
        assertThat(request.pod().getSpec().getVolumes().get(0).getDownwardAPI()).isNull();
        assertThat(request.pod().getSpec().getVolumes().get(0).getProjected().getSources())
                .hasSize(1);
    }

    @Test
    void a_missing_configmap_is_reported_with_the_volume_name() {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withNamespace("ns")
                .withName("p")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("c")
                .endContainer()
                .addNewVolume()
                .withName("cfg")
                .withNewConfigMap()
                .withName("gone")
                .endConfigMap()
                .endVolume()
                .endSpec()
                .build();

        assertThatThrownBy(() -> new VolumeAssembler(cluster).assemble(pod))
                .isInstanceOf(VolumeAssembler.MissingVolumeSource.class)
                .hasMessage("volume cfg: configmap \"gone\" not found");
        assertThat(List.of()).isEmpty();
    }
}
