package io.ponte.pipelines.adapter.offload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskProgress.Phase;
import io.ponte.pipelines.spi.TaskResult;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What crosses the wire to an interLink plugin, and how its answers become progress and results. */
class OffloadExecutorTest {
    @TempDir
    Path shared;

    private PluginStandIn plugin;
    private OffloadExecutor executor;

    @BeforeEach
    void start() throws Exception {
        plugin = new PluginStandIn();
        executor = executor(plugin.url());
    }

    @AfterEach
    void close() {
        executor.close();
        plugin.close();
    }

    private OffloadExecutor executor(String url) {
        return new OffloadExecutor(OffloadConfigs.of(Map.of(
                "default-site", "leonardo",
                "namespace", "team-a",
                "sites.leonardo.url", url,
                "sites.leonardo.token", "s3cret-token",
                "sites.leonardo.shared-root", shared.toString(),
                "sites.leonardo.slurm-flags", "--partition=boost_usr_prod --gres=gpu:1",
                "sites.leonardo.annotations.\"slurm-job.vk.io/flavor\"", "h100")));
    }

    private TaskLaunch launch(String script, Optional<Duration> timeout, List<TaskLaunch.Mount> mounts)
            throws Exception {
        Path work = Files.createDirectories(shared.resolve("runs/r9/eval/1"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MODEL", "resnet");
        return new TaskLaunch(
                "r9",
                "root/Evaluate",
                1,
                "docker.io/library/busybox:1.36",
                List.of("sh", "-c"),
                List.of(script),
                env,
                new TaskLaunch.Resources(
                        Optional.of("1"),
                        Optional.of("4"),
                        Optional.empty(),
                        Optional.of("16Gi"),
                        Optional.of("nvidia.com/gpu"),
                        1),
                work,
                mounts,
                work.resolve("log.txt"),
                Map.of(),
                Optional.empty(),
                timeout);
    }

    private static TaskResult finish(TaskHandle h) throws Exception {
        return h.completion().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void create_sends_the_pod_with_hostpath_volumes_placement_annotations_and_the_token() throws Exception {
        Path outputs = Files.createDirectories(shared.resolve("runs/r9/eval/1/kfp_outputs"));
        TaskLaunch launch =
                launch("echo ok", Optional.empty(), List.of(new TaskLaunch.Mount(outputs, "/tmp/kfp_outputs", false)));

        TaskHandle handle = executor.start(launch);
        finish(handle);

        JsonNode body = plugin.created.get(0);
        JsonNode pod = body.get("pod");
        assertThat(handle.ref())
                .isEqualTo("leonardo/team-a/" + pod.at("/metadata/name").asText() + "/"
                        + pod.at("/metadata/uid").asText());
        assertThat(pod.at("/metadata/namespace").asText()).isEqualTo("team-a");
        assertThat(pod.at("/metadata/annotations/slurm-job.vk.io~1flags").asText())
                .isEqualTo("--partition=boost_usr_prod --gres=gpu:1");
        assertThat(pod.at("/metadata/annotations/slurm-job.vk.io~1flavor").asText())
                .isEqualTo("h100");
        assertThat(pod.at("/spec/restartPolicy").asText()).isEqualTo("Never");
        JsonNode c = pod.at("/spec/containers/0");
        assertThat(c.path("name").asText()).isEqualTo("main");
        assertThat(c.path("env").toString()).isEqualTo("[{\"name\":\"MODEL\",\"value\":\"resnet\"}]");
        assertThat(c.at("/resources/limits/nvidia.com~1gpu").asText()).isEqualTo("1");
        assertThat(c.at("/resources/limits/memory").asText()).isEqualTo("16Gi");
        assertThat(c.at("/resources/requests/cpu").asText()).isEqualTo("1");
        assertThat(pod.at("/spec/volumes").toString())
                .contains("\"hostPath\":{\"path\":\"" + launch.workDir() + "\",\"type\":\"Directory\"}")
                .contains("\"hostPath\":{\"path\":\"" + outputs + "\",\"type\":\"Directory\"}");
        assertThat(c.path("volumeMounts").toString()).contains("\"mountPath\":\"/tmp/kfp_outputs\"");
        assertThat(body.get("container").toString())
                .isEqualTo("[{\"name\":\"main\",\"configMaps\":[],\"secrets\":[],\"projectedvolumemaps\":[],"
                        + "\"emptyDirs\":null}]");
        assertThat(plugin.authorizations).isNotEmpty().allMatch("Bearer s3cret-token"::equals);
    }

    @Test
    void a_pending_batch_job_shows_as_queued_with_the_sites_reason() throws Exception {
        plugin.holdJobs = true;

        TaskHandle handle = executor.start(launch("echo never", Optional.empty(), List.of()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(handle.progress().phase()).isEqualTo(Phase.QUEUED);
            assertThat(handle.progress().detail())
                    .isEqualTo("waiting on leonardo (job 1001): Pending Slurm job 1001 pending (Resources)");
        });
        handle.cancel();
        assertThat(finish(handle).cancelled()).isTrue();
    }

    @Test
    void a_finished_pod_is_deleted_on_the_site_once_its_log_is_copied() throws Exception {
        TaskLaunch launch = launch("echo from-the-site; exit 4", Optional.empty(), List.of());

        TaskHandle handle = executor.start(launch);
        TaskResult result = finish(handle);

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.reason()).contains("exit code 4 (Error)");
        assertThat(Files.readAllLines(launch.logFile())).contains("from-the-site");
        String uid = handle.ref().substring(handle.ref().lastIndexOf('/') + 1);
        assertThat(plugin.deleted).containsExactly(uid);
    }

    @Test
    void a_deadline_deletes_the_pod_and_says_so() throws Exception {
        TaskLaunch launch = launch("sleep 30", Optional.of(Duration.ofMillis(500)), List.of());

        TaskHandle handle = executor.start(launch);
        TaskResult result = finish(handle);

        assertThat(result.cancelled()).isFalse();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.reason()).get().asString().contains("deadline exceeded");
        assertThat(plugin.deleted).hasSize(1);
    }

    @Test
    void an_unreachable_site_is_a_retriable_failure() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (OffloadExecutor down = executor("http://127.0.0.1:" + closed)) {
            assertThatThrownBy(() -> down.start(launch("echo x", Optional.empty(), List.of())))
                    .isInstanceOf(ExecutorException.class)
                    .hasMessageContaining("offload site leonardo")
                    .hasMessageContaining("is not reachable")
                    .satisfies(
                            e -> assertThat(((ExecutorException) e).retriable()).isTrue());
        }
    }

    @Test
    void a_refusal_by_the_plugin_is_not_retriable_and_carries_its_message() throws Exception {
        TaskLaunch launch = launch("echo x", Optional.empty(), List.of());
        plugin.images.clear();

        assertThatThrownBy(() -> executor.start(launch))
                .isInstanceOf(ExecutorException.class)
                .hasMessageContaining("(HTTP 422): image docker.io/library/busybox:1.36 is not available on this site")
                .satisfies(e -> assertThat(((ExecutorException) e).retriable()).isFalse());
    }

    @Test
    void paths_off_the_shared_filesystem_and_unknown_sites_are_refused_before_any_call() throws Exception {
        Path elsewhere = Files.createTempDirectory("not-shared");
        TaskLaunch off = launch("echo x", Optional.empty(), List.of(new TaskLaunch.Mount(elsewhere, "/data", true)));
        TaskLaunch base = launch("echo x", Optional.empty(), List.of());
        TaskLaunch nowhere = new TaskLaunch(
                base.runId(),
                base.taskPath(),
                1,
                base.image(),
                base.command(),
                base.args(),
                base.env(),
                base.resources(),
                base.workDir(),
                List.of(),
                base.logFile(),
                Map.of(),
                Optional.of(
                        new TaskLaunch.Placement("offload", Optional.empty(), Optional.empty(), Optional.of("mars"))),
                Optional.empty());

        assertThatThrownBy(() -> executor.start(off))
                .isInstanceOf(ExecutorException.class)
                .hasMessageContaining(elsewhere + " is not under the filesystem shared with offload site leonardo");
        assertThatThrownBy(() -> executor.start(nowhere))
                .isInstanceOf(ExecutorException.class)
                .hasMessageContaining("offload site 'mars' is not configured");
        assertThat(plugin.created).isEmpty();
        Files.delete(elsewhere);
    }
}
