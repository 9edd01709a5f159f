package io.ponte.offload.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volumes written into the pod directory byte for byte, with items, modes and read-only-ness. */
class VolumeMaterializerTest {
    @TempDir
    Path temp;

    @Test
    void config_map_items_remap_keys_with_their_modes() throws Exception {
        Volume v = new VolumeBuilder()
                .withName("cfg")
                .withNewConfigMap()
                .withName("app")
                .withDefaultMode(0440)
                .withItems(new KeyToPath("script.py", 0755, "bin/run.py"), new KeyToPath("plain", null, "plain.txt"))
                .endConfigMap()
                .build();
        var cm = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("app")
                .endMetadata()
                .withData(Map.of("script.py", "print('hi')\n\n", "plain", "x", "unused", "y"))
                .withBinaryData(Map.of("blob", Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 255})))
                .build();

        Map<String, Boolean> readOnly = materialise(v, new VolumeData("c", List.of(cm), List.of(), List.of()));

        Path dir = temp.resolve("pod/volumes/cfg");
        assertThat(Files.readString(dir.resolve("bin/run.py"))).isEqualTo("print('hi')\n\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("bin/run.py"))))
                .isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("plain.txt"))))
                .isEqualTo("r--r-----");
        assertThat(dir.resolve("unused")).doesNotExist();
        assertThat(readOnly).containsEntry("cfg", true);
    }

    @Test
    void config_map_binary_data_and_secret_data_are_decoded_to_bytes() throws Exception {
        byte[] binary = {0, 1, (byte) 255, '\n'};
        var cm = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("bin")
                .endMetadata()
                .withBinaryData(Map.of("blob", Base64.getEncoder().encodeToString(binary)))
                .build();
        var secret = new SecretBuilder()
                .withNewMetadata()
                .withName("creds")
                .endMetadata()
                .withData(Map.of(
                        "password",
                        Base64.getEncoder().encodeToString("p@ss\nword ✓".getBytes(StandardCharsets.UTF_8))))
                .build();
        Volume cmVolume = new VolumeBuilder()
                .withName("b")
                .withNewConfigMap()
                .withName("bin")
                .endConfigMap()
                .build();
        Volume secretVolume = new VolumeBuilder()
                .withName("s")
                .withNewSecret()
                .withSecretName("creds")
                .withDefaultMode(0400)
                .endSecret()
                .build();

        materialise(List.of(cmVolume, secretVolume), new VolumeData("c", List.of(cm), List.of(secret), List.of()));

        assertThat(Files.readAllBytes(temp.resolve("pod/volumes/b/blob"))).isEqualTo(binary);
        Path password = temp.resolve("pod/volumes/s/password");
        assertThat(Files.readString(password)).isEqualTo("p@ss\nword ✓");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(password)))
                .isEqualTo("r--------");
    }

    @Test
    void projected_data_sent_by_interlink_is_written_with_newlines_kept() throws Exception {
        String ca = "-----BEGIN CERTIFICATE-----\nAAAA\nBBBB\n-----END CERTIFICATE-----\n";
        Volume v = new VolumeBuilder()
                .withName("kube-api-access")
                .withNewProjected()
                .endProjected()
                .build();
        var sent = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("kube-api-access")
                .endMetadata()
                .withData(Map.of("ca.crt", ca, "namespace", "interlink", "token", "abc"))
                .build();

        materialise(v, new VolumeData("c", List.of(), List.of(), List.of(sent)));

        assertThat(Files.readString(temp.resolve("pod/volumes/kube-api-access/ca.crt")))
                .isEqualTo(ca);
    }

    @Test
    void a_projected_volume_not_sent_as_data_is_assembled_from_its_sources() throws Exception {
        Volume v = new VolumeBuilder()
                .withName("proj")
                .withNewProjected()
                .addNewSource()
                .withNewConfigMap()
                .withName("app")
                .withItems(new KeyToPath("k", null, "dir/k.txt"))
                .endConfigMap()
                .endSource()
                .addNewSource()
                .withNewDownwardAPI()
                .addNewItem()
                .withPath("name")
                .withNewFieldRef()
                .withFieldPath("metadata.name")
                .endFieldRef()
                .endItem()
                .endDownwardAPI()
                .endSource()
                .endProjected()
                .build();
        var cm = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("app")
                .endMetadata()
                .withData(Map.of("k", "v\n"))
                .build();

        materialise(v, new VolumeData("c", List.of(cm), List.of(), List.of()));

        assertThat(Files.readString(temp.resolve("pod/volumes/proj/dir/k.txt"))).isEqualTo("v\n");
        assertThat(Files.readString(temp.resolve("pod/volumes/proj/name"))).isEqualTo("p");
    }

    @Test
    void an_empty_dir_is_a_writable_shared_directory() throws Exception {
        Volume v = new VolumeBuilder()
                .withName("scratch")
                .withNewEmptyDir()
                .endEmptyDir()
                .build();

        Map<String, Boolean> readOnly = materialise(v, new VolumeData("c", List.of(), List.of(), List.of()));

        assertThat(temp.resolve("pod/volumes/scratch")).isDirectory();
        assertThat(readOnly).containsEntry("scratch", false);
    }

    @Test
    void item_paths_cannot_leave_the_volume() {
        Volume v = new VolumeBuilder()
                .withName("evil")
                .withNewConfigMap()
                .withName("app")
                .withItems(new KeyToPath("k", null, "../../escape"))
                .endConfigMap()
                .build();
        var cm = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("app")
                .endMetadata()
                .withData(Map.of("k", "v"))
                .build();

        assertThatThrownBy(() -> materialise(v, new VolumeData("c", List.of(cm), List.of(), List.of())))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("..");
        assertThat(temp.resolve("escape")).doesNotExist();
    }

    @Test
    void host_path_volumes_are_refused_by_name() {
        Volume v = new VolumeBuilder()
                .withName("host")
                .withNewHostPath()
                .withPath("/etc")
                .endHostPath()
                .build();

        assertThatThrownBy(() -> materialise(v, new VolumeData("c", List.of(), List.of(), List.of())))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("volume host");
    }

    private Map<String, Boolean> materialise(Volume v, VolumeData data) {
        return materialise(List.of(v), data);
    }

    private Map<String, Boolean> materialise(List<Volume> volumes, VolumeData data) {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName("p")
                .withNamespace("ns")
                .withUid("u")
                .endMetadata()
                .withNewSpec()
                .withVolumes(volumes)
                .endSpec()
                .build();
        return new VolumeMaterializer(new PodRequest(pod, List.of(data)), new PodDirectory(temp.resolve("pod")))
                .materialise();
    }
}
