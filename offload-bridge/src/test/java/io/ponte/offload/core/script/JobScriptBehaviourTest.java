package io.ponte.offload.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.ponte.offload.adapter.image.ConfiguredImageCatalog;
import io.ponte.offload.adapter.image.ImageCatalogConfig;
import io.ponte.offload.adapter.local.LocalScheduler;
import io.ponte.offload.adapter.runtime.SubprocessRuntime;
import io.ponte.offload.core.OffloadService;
import io.ponte.offload.core.PlannerSettings;
import io.ponte.offload.core.PodPlanner;
import io.ponte.offload.core.PodRecord;
import io.ponte.offload.core.Runtimes;
import io.ponte.offload.testing.TestPods;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the job script does beyond running commands, checked by running it (local backend): probes
 * really executed, postStart hooks, memory limits, and a stop that lets containers record their
 * exit codes.
 */
class JobScriptBehaviourTest {
    @TempDir
    Path temp;

    private OffloadService service;

    @BeforeEach
    void start() {
        PlannerSettings settings =
                new PlannerSettings(temp.resolve("pods"), "subprocess", Map.of(), Optional.empty(), List.of());
        service = new OffloadService(
                new PodPlanner(
                        settings,
                        new Runtimes(List.of(new SubprocessRuntime())),
                        new ConfiguredImageCatalog(ImageCatalogConfig.defaults())),
                new LocalScheduler(),
                new ObjectMapper(),
                temp.resolve("pods"),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ZERO);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void readiness_follows_an_http_probe_that_is_really_executed() throws Exception {
        int port = freePort();
        Path www = Files.createDirectories(temp.resolve("www"));
        Container server = new ContainerBuilder(TestPods.sh(
                        "server", "exec python3 -m http.server " + port + " --bind 127.0.0.1 --directory " + www))
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath("/ready")
                .withPort(new IntOrString(port))
                .endHttpGet()
                .withPeriodSeconds(1)
                .withFailureThreshold(1)
                .endReadinessProbe()
                .build();
        PodRecord pod = service.create(TestPods.pod("probed", List.of(), List.of(server)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> container(pod).getState().getRunning() != null);
        assertThat(container(pod).getReady()).isFalse();

        Files.writeString(www.resolve("ready"), "ok");

        await().atMost(Duration.ofSeconds(20)).until(() -> container(pod).getReady());
        assertThat(Files.readString(pod.dir().log("server"))).contains("GET /ready"); // the server saw the probes
        service.delete(podOf(pod));
    }

    @Test
    void a_failing_liveness_probe_stops_the_container_and_says_why() {
        int port = freePort(); // nothing listens there
        Container c = new ContainerBuilder(TestPods.sh("doomed", "sleep 60"))
                .withNewLivenessProbe()
                .withNewTcpSocket()
                .withPort(new IntOrString(port))
                .endTcpSocket()
                .withPeriodSeconds(1)
                .withFailureThreshold(2)
                .endLivenessProbe()
                .build();
        PodRecord pod = service.create(TestPods.pod("liveness", List.of(), List.of(c)));

        ContainerStatus status = await().atMost(Duration.ofSeconds(30))
                .until(() -> container(pod), s -> s.getState().getTerminated() != null);

        assertThat(status.getState().getTerminated().getExitCode()).isNotZero();
        assertThat(status.getState().getTerminated().getMessage()).contains("liveness probe failed");
    }

    @Test
    void a_post_start_hook_runs_beside_the_container() throws Exception {
        Path marker = temp.resolve("marker");
        Container c = new ContainerBuilder(TestPods.sh(
                        "hooked",
                        "for i in $(seq 1 100); do [ -e " + marker
                                + " ] && { echo found; exit 0; }; sleep 0.1; done; exit 1"))
                .withNewLifecycle()
                .withNewPostStart()
                .withNewExec()
                .withCommand("/bin/sh", "-c", "echo hook > " + marker)
                .endExec()
                .endPostStart()
                .endLifecycle()
                .build();
        PodRecord pod = service.create(TestPods.pod("hooked", List.of(), List.of(c)));

        ContainerStatus status = await().atMost(Duration.ofSeconds(20))
                .until(() -> container(pod), s -> s.getState().getTerminated() != null);

        assertThat(status.getState().getTerminated().getExitCode()).isZero();
        assertThat(Files.readString(pod.dir().log("hooked"))).isEqualTo("found\n");
    }

    @Test
    void a_memory_limit_is_enforced_on_the_container() throws Exception {
        Container hog = new ContainerBuilder()
                .withName("hog")
                .withImage("python:3.11-alpine")
                .withCommand("python3", "-c", "bytearray(200 * 1024 * 1024); print('allocated')")
                .withNewResources()
                .withLimits(Map.of("memory", new Quantity("50Mi")))
                .endResources()
                .build();
        Container modest = new ContainerBuilder(hog)
                .withName("modest")
                .withCommand("python3", "-c", "bytearray(10 * 1024 * 1024); print('allocated')")
                .build();
        PodRecord pod = service.create(TestPods.pod("memory", List.of(), List.of(hog, modest)));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> service.status(List.of(pod.uid())).get(0).containers().stream()
                        .allMatch(s -> s.getState().getTerminated() != null));

        List<ContainerStatus> statuses =
                service.status(List.of(pod.uid())).get(0).containers();
        assertThat(statuses.get(0).getState().getTerminated().getExitCode()).isNotZero();
        assertThat(Files.readString(pod.dir().log("hog"))).contains("MemoryError");
        assertThat(statuses.get(1).getState().getTerminated().getExitCode()).isZero();
    }

    private ContainerStatus container(PodRecord pod) {
        return service.status(List.of(pod.uid())).get(0).containers().get(0);
    }

    private static io.fabric8.kubernetes.api.model.Pod podOf(PodRecord pod) {
        return TestPods.pod(pod.name(), List.of(), List.of()).pod().toBuilder()
                .editMetadata()
                .withNamespace(pod.namespace())
                .withUid(pod.uid())
                .endMetadata()
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
