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

    /** Closes the bridge, then removes the pods' directories once their jobs stopped writing there. */
    @AfterEach
    void stop() {
        service.close();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            io.ponte.offload.testing.TestFiles.deleteTree(temp.resolve("pods"));
            return !Files.exists(temp.resolve("pods"));
        });
    }

    @Test
    void readiness_follows_an_http_probe_that_is_really_executed_and_read_to_the_end() throws Exception {
        int port = freePort();
        Path flag = temp.resolve("ready-flag");
        // like vk-test-set's 090: the handler writes its answer, THEN logs (a probe that hangs up
        // after the status line would make that write fail and the line never appear)
        String server = String.join(
                "\n",
                "import http.server, os, sys",
                "class H(http.server.BaseHTTPRequestHandler):",
                "    def do_GET(self):",
                "        ok = os.path.exists(sys.argv[2])",
                "        self.send_response(200 if ok else 503)",
                "        self.end_headers()",
                "        self.wfile.write(b'x' * 20000)",
                "        print('answered', self.path, 200 if ok else 503, flush=True)",
                "    def log_message(self, *args):",
                "        pass",
                "http.server.HTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()");
        Container c = new ContainerBuilder()
                .withName("server")
                .withImage("python:3.11-alpine")
                .withCommand("python3", "-c", server, String.valueOf(port), flag.toString())
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath("/ready")
                .withPort(new IntOrString(port))
                .endHttpGet()
                .withPeriodSeconds(1)
                .withFailureThreshold(1)
                .endReadinessProbe()
                .build();
        PodRecord pod = service.create(TestPods.pod("probed", List.of(), List.of(c)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(pod.dir().log("server"))
                        && Files.readString(pod.dir().log("server")).contains("answered /ready 503"));
        assertThat(container(pod).getReady()).isFalse();

        Files.writeString(flag, "ok");

        await().atMost(Duration.ofSeconds(20)).until(() -> container(pod).getReady());
        assertThat(Files.readString(pod.dir().log("server"))).contains("answered /ready 200");
        service.delete(podOf(pod));
    }

    @Test
    void http_probes_leave_the_pods_port_free_for_the_next_server_at_once() throws Exception {
        int port = freePort();
        // socketserver.TCPServer does not set SO_REUSEADDR (vk-test-set's 090 uses it): a
        // connection the server closed first keeps its port in TIME_WAIT for a minute and makes
        // such a bind fail, on a host network shared by every pod.
        String server = String.join(
                "\n",
                "import http.server, socketserver, sys",
                "class H(http.server.BaseHTTPRequestHandler):",
                "    def do_GET(self):",
                "        self.send_response(200)",
                "        self.end_headers()",
                "        self.wfile.write(b'ok')",
                "    def log_message(self, *args):",
                "        pass",
                "with socketserver.TCPServer(('127.0.0.1', int(sys.argv[1])), H) as s:",
                "    print('serving', flush=True)",
                "    s.serve_forever()");
        Container c = new ContainerBuilder()
                .withName("server")
                .withImage("python:3.11-alpine")
                .withCommand("python3", "-c", server, String.valueOf(port))
                .withNewReadinessProbe()
                .withNewHttpGet()
                .withPath("/")
                .withPort(new IntOrString(port))
                .endHttpGet()
                .withPeriodSeconds(1)
                .endReadinessProbe()
                .build();
        PodRecord first = service.create(TestPods.pod("first", List.of(), List.of(c)));
        await().atMost(Duration.ofSeconds(20)).until(() -> container(first).getReady());
        service.delete(podOf(first));
        await().atMost(Duration.ofSeconds(20)).until(() -> !listening(port));

        PodRecord second = service.create(TestPods.pod("second", List.of(), List.of(c)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> container(second).getReady()
                        || container(second).getState().getTerminated() != null);
        assertThat(Files.readString(second.dir().log("server")))
                .contains("serving")
                .doesNotContain("Address already in use");
        assertThat(container(second).getReady()).isTrue();
        service.delete(podOf(second));
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

    /** Whether a socket listens on the port (read from /proc/net/tcp, without connecting to it). */
    private static boolean listening(int port) throws IOException {
        String local = String.format(":%04X", port);
        return Files.readAllLines(Path.of("/proc/net/tcp")).stream()
                .skip(1)
                .map(line -> line.trim().split("\\s+"))
                .anyMatch(f -> f[1].endsWith(local) && "0A".equals(f[3]));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
