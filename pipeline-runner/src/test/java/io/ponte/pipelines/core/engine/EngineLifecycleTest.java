package io.ponte.pipelines.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.adapter.local.LocalExecutor;
import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLifecycleTest {

    @TempDir
    Path dir;

    TestEngines t;

    @BeforeEach
    void setUp() {
        t = new TestEngines(dir);
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private void awaitTask(String runId, String path, TaskState state) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() ->
                        t.store.task(runId, path).map(r -> r.state() == state).orElse(false));
    }

    private Map<String, Object> chain(String a, String b, String c) {
        return Map.of("a", a, "b", b, "c", c);
    }

    @Test
    void terminate_cancels_the_running_task_and_still_runs_the_exit_handler() throws Exception {
        Path marker = dir.resolve("status.json");
        RunRecord run = t.engine.create(TestEngines.uncached(
                Pipelines.EXIT_HANDLER, Map.of("script", "sleep 60", "marker", marker.toString())));
        awaitTask(run.id(), "root/exit-handler-1/body", TaskState.RUNNING);
        long start = System.nanoTime();
        t.engine.terminate(run.id());
        RunRecord end = t.awaitEnd(run.id());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(end.state()).isEqualTo(RunState.CANCELED);
        assertThat(t.task(run.id(), "root/exit-handler-1/body").state()).isEqualTo(TaskState.CANCELED);
        assertThat(t.task(run.id(), "root/exit-op").state()).isEqualTo(TaskState.SUCCEEDED);
        Map<?, ?> status = new ObjectMapper().readValue(Files.readString(marker), Map.class);
        assertThat(status.get("state")).isEqualTo("CANCELED");
        assertThatThrownBy(() -> t.engine.terminate(run.id()))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.kind()).isEqualTo(PipelineException.Kind.CONFLICT));
    }

    @Test
    void a_restarted_runner_resumes_without_rerunning_finished_tasks_and_reattaches_the_running_one() throws Exception {
        Path runs = dir.resolve("a-runs");
        Path gate = dir.resolve("gate");
        RunRecord run = t.engine.create(TestEngines.uncached(
                Pipelines.CHAIN,
                chain(
                        "echo a >> " + runs + "; echo a > \"$0\"",
                        "echo b-started; while [ ! -f " + gate + " ]; do sleep 0.05; done; echo b > \"$0\"",
                        "echo c > \"$0\"")));
        awaitTask(run.id(), "root/b", TaskState.RUNNING);
        TaskRecord aBefore = t.task(run.id(), "root/a");
        // The runner stops; the task it started keeps running.
        t.engine.close();
        LocalExecutor fresh = new LocalExecutor(TestEngines.localConfig(Map.of()));
        try {
            Engine restarted = t.start(EngineSettings.defaults(dir.resolve("work")), Map.of("local", fresh));
            assertThat(restarted.resumeAll()).isEqualTo(1);
            Files.writeString(gate, "go");
            RunRecord end = t.awaitEnd(run.id());
            assertThat(end.state()).as("%s", t.store.tasks(run.id())).isEqualTo(RunState.SUCCEEDED);
            assertThat(Files.readAllLines(runs)).containsExactly("a");
            TaskRecord a = t.task(run.id(), "root/a");
            assertThat(a.attempts()).isEqualTo(1);
            assertThat(a.startedAt()).isEqualTo(aBefore.startedAt());
            TaskRecord b = t.task(run.id(), "root/b");
            assertThat(b.attempts()).as("re-attached, not started again").isEqualTo(1);
            assertThat(b.outputParameters()).containsEntry("out", "b\n");
            assertThat(t.task(run.id(), "root/c").inputParameters()).containsEntry("x", "b\n");
        } finally {
            fresh.close();
        }
    }

    @Test
    void retry_reruns_only_the_failed_and_never_run_tasks() throws Exception {
        Path runs = dir.resolve("a-runs");
        Path flag = dir.resolve("flag");
        RunRecord run = t.engine.create(TestEngines.uncached(
                Pipelines.CHAIN,
                chain(
                        "echo a >> " + runs + "; echo a > \"$0\"",
                        "[ -f " + flag + " ] && echo b > \"$0\"",
                        "echo c > \"$0\"")));
        assertThat(t.awaitEnd(run.id()).state()).isEqualTo(RunState.FAILED);
        assertThat(t.task(run.id(), "root/c").state()).isEqualTo(TaskState.SKIPPED);
        Files.writeString(flag, "fixed");
        RunRecord retried = t.engine.retry(run.id());
        assertThat(retried.id()).isEqualTo(run.id());
        RunRecord end = t.awaitEnd(run.id());
        assertThat(end.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(Files.readAllLines(runs)).containsExactly("a");
        assertThat(t.task(run.id(), "root/a").attempts()).isEqualTo(1);
        assertThat(t.task(run.id(), "root/b").attempts()).isEqualTo(2);
        assertThat(t.store.attempts(run.id(), "root/b"))
                .extracting(x -> x.state())
                .containsExactly(TaskState.FAILED, TaskState.SUCCEEDED);
        assertThat(t.task(run.id(), "root/c").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThatThrownBy(() -> t.engine.retry(run.id())).isInstanceOf(PipelineException.class);
    }

    @Test
    void rerun_from_a_task_keeps_the_upstream_outputs_and_runs_the_rest_with_new_parameters() throws Exception {
        Path runs = dir.resolve("a-runs");
        RunRecord run = t.engine.create(TestEngines.uncached(
                Pipelines.CHAIN,
                chain("echo a >> " + runs + "; echo a > \"$0\"", "echo b > \"$0\"", "echo c > \"$0\"")));
        assertThat(t.awaitEnd(run.id()).state()).isEqualTo(RunState.SUCCEEDED);
        RunRecord rerun = t.engine.rerunFrom(run.id(), "root/b", Map.of("c", "echo changed > \"$0\""));
        assertThat(rerun.id()).isNotEqualTo(run.id());
        assertThat(t.awaitEnd(rerun.id()).state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(Files.readAllLines(runs)).containsExactly("a");
        assertThat(t.task(rerun.id(), "root/a").statusDetail())
                .hasValueSatisfying(d -> assertThat(d).contains("kept from run " + run.id()));
        assertThat(t.task(rerun.id(), "root/b").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.task(rerun.id(), "root/c").outputParameters()).containsEntry("out", "changed\n");
    }

    @Test
    void a_bad_request_stores_and_starts_nothing() {
        assertThatThrownBy(() -> t.engine.create(TestEngines.uncached(Pipelines.CHAIN, Map.of("a", "true"))))
                .isInstanceOfSatisfying(PipelineException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PipelineException.Kind.INVALID);
                    assertThat(e.irPath()).contains("root.inputDefinitions.parameters.b");
                });
        assertThatThrownBy(() -> t.engine.create(
                        TestEngines.uncached(Pipelines.CHAIN, Map.of("a", "1", "b", "1", "c", "1", "d", "1"))))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.getMessage()).contains("no input parameter d"));
        assertThatThrownBy(() -> t.engine.create(
                        TestEngines.uncached("pipelineInfo: {name: x}\nroot: {dag: {tasks: {}}}", Map.of())))
                .isInstanceOf(PipelineException.class);
        assertThat(t.store.unfinishedRuns()).isEmpty();
        assertThat(t.engine
                        .list(new io.ponte.pipelines.spi.RunQuery(
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                10,
                                java.util.Optional.empty()))
                        .items())
                .isEmpty();
    }
}
