package io.ponte.offload.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.ponte.offload.adapter.image.ConfiguredImageCatalog;
import io.ponte.offload.adapter.image.ImageCatalogConfig;
import io.ponte.offload.adapter.image.StandInRootfs;
import io.ponte.offload.adapter.local.LocalScheduler;
import io.ponte.offload.adapter.runtime.BubblewrapRuntime;
import io.ponte.offload.testing.TestPods;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hostPath volumes (the pipeline runner's work directories on a shared file system): refused unless
 * configured, confined to the allowed roots after resolving links, and really mounted (local
 * backend, bubblewrap over the stand-in rootfs) with {@code readOnly} honoured.
 */
class HostPathVolumeTest {
    @TempDir
    Path temp;

    private OffloadService service;

    private OffloadService service(List<Path> allowedRoots) {
        PlannerSettings settings = new PlannerSettings(
                temp.resolve("pods"),
                "bubblewrap",
                Map.of(),
                Optional.empty(),
                List.of(),
                new HostPathPolicy(allowedRoots));
        service = new OffloadService(
                new PodPlanner(
                        settings,
                        new Runtimes(List.of(new BubblewrapRuntime(BubblewrapRuntime.Options.defaults()))),
                        new ConfiguredImageCatalog(new ImageCatalogConfig(
                                List.of(),
                                true,
                                StandInRootfs.ensureBuilt().getParent().getParent(),
                                Optional.empty(),
                                false))),
                new LocalScheduler(),
                new ObjectMapper(),
                temp.resolve("pods"),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ZERO);
        return service;
    }

    /** Closes the bridge, then removes the pods' directories once their jobs stopped writing there. */
    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            io.ponte.offload.testing.TestFiles.deleteTree(temp.resolve("pods"));
            return !Files.exists(temp.resolve("pods"));
        });
    }

    @Test
    void a_host_path_is_refused_by_default_naming_the_volume_and_the_setting() {
        OffloadService s = service(List.of());

        assertThatThrownBy(() -> s.create(pod(hostPath("workdir", temp.toString(), ""), List.of())))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("volume workdir")
                .hasMessageContaining(HostPathPolicy.KEY);
    }

    @Test
    void a_host_path_under_an_allowed_root_is_mounted_and_read_only_mounts_stay_read_only() throws Exception {
        Path shared = Files.createDirectories(temp.resolve("shared/run-1"));
        Files.writeString(shared.resolve("input.txt"), "from the runner\n");
        OffloadService s = service(List.of(temp.resolve("shared")));
        Container writer = new ContainerBuilder(TestPods.sh("step", "cat /work/input.txt > /work/output.txt"))
                .addNewVolumeMount()
                .withName("workdir")
                .withMountPath("/work")
                .endVolumeMount()
                .build();
        Container reader = new ContainerBuilder(
                        TestPods.sh("reader", "cat /in/input.txt; echo x > /in/forbidden.txt || echo refused"))
                .addNewVolumeMount()
                .withName("workdir")
                .withMountPath("/in")
                .withReadOnly(true)
                .endVolumeMount()
                .build();

        PodRecord pod = s.create(pod(hostPath("workdir", shared.toString(), "Directory"), List.of(writer, reader)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> s.status(List.of(pod.uid())).get(0).containers().stream()
                        .allMatch(c -> c.getState().getTerminated() != null));
        List<ContainerStatus> statuses = s.status(List.of(pod.uid())).get(0).containers();
        assertThat(statuses.get(0).getState().getTerminated().getExitCode()).isZero();
        assertThat(shared.resolve("output.txt")).hasContent("from the runner");
        assertThat(Files.readString(pod.dir().log("reader")))
                .contains("from the runner")
                .contains("refused");
        assertThat(shared.resolve("forbidden.txt")).doesNotExist();
    }

    @Test
    void a_link_or_dot_dot_out_of_the_allowed_root_is_refused() throws Exception {
        Path root = Files.createDirectories(temp.resolve("shared"));
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        OffloadService s = service(List.of(root));

        assertThatThrownBy(() ->
                        s.create(pod(hostPath("v", root.resolve("escape").toString(), ""), List.of())))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("volume v")
                .hasMessageContaining("outside the roots");
        assertThatThrownBy(() -> s.create(pod(hostPath("v", root + "/../outside", ""), List.of())))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("'..'");
        assertThatThrownBy(() -> s.create(
                        pod(hostPath("v", root.resolve("escape/new").toString(), "DirectoryOrCreate"), List.of())))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("outside the roots");
        assertThat(outside.resolve("new")).doesNotExist();
        assertThatThrownBy(() ->
                        s.create(pod(hostPath("v", root.resolve("missing").toString(), ""), List.of())))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void directory_or_create_makes_the_directory_inside_the_root() {
        Path root = temp.resolve("shared");
        OffloadService s = service(List.of(temp));

        s.create(pod(hostPath("v", root.resolve("a/b").toString(), "DirectoryOrCreate"), List.of()));

        assertThat(root.resolve("a/b")).isDirectory();
    }

    private static Volume hostPath(String name, String path, String type) {
        return new VolumeBuilder()
                .withName(name)
                .withNewHostPath()
                .withPath(path)
                .withType(type)
                .endHostPath()
                .build();
    }

    private static PodRequest pod(Volume volume, List<Container> containers) {
        List<Container> cs = containers.isEmpty() ? List.of(TestPods.sh("c", "true")) : containers;
        Pod pod = TestPods.pod("hostpath", List.of(), cs).pod().toBuilder()
                .editSpec()
                .withVolumes(volume)
                .endSpec()
                .build();
        return new PodRequest(pod, List.of());
    }
}
