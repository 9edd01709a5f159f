package io.ponte.pipelines.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineBehaviourTest {

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

    @Test
    void retries_a_failing_task_with_backoff_until_it_succeeds() {
        // Fails on its first two attempts: counts attempts in a file.
        String ir = Pipelines.single(
                "n=$(cat \"$0\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$0\"; echo ok > \"$1\"; [ $n -ge 3 ]",
                "",
                "        retryPolicy: {maxRetryCount: 3, backoffDuration: 0.2s, backoffFactor: 2, backoffMaxDuration: 1s}");
        Path counter = dir.resolve("counter");
        long start = System.nanoTime();
        RunRecord run = t.engine.create(TestEngines.uncached(ir, Map.of("p", counter.toString())));
        RunRecord end = t.awaitEnd(run.id());
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(end.state()).isEqualTo(RunState.SUCCEEDED);
        List<AttemptRecord> attempts = t.store.attempts(run.id(), "root/t");
        assertThat(attempts)
                .extracting(AttemptRecord::state)
                .containsExactly(TaskState.FAILED, TaskState.FAILED, TaskState.SUCCEEDED);
        assertThat(attempts.get(0).exitCode()).contains(1);
        assertThat(t.task(run.id(), "root/t").attempts()).isEqualTo(3);
        // Backoff 0.2 s then 0.4 s.
        assertThat(millis).isGreaterThanOrEqualTo(600);
        assertThat(attempts.get(1).startedAt())
                .isAfterOrEqualTo(attempts.get(0).finishedAt().orElseThrow().plusMillis(200));
    }

    @Test
    void fails_after_the_last_retry_and_keeps_every_attempt_log() throws Exception {
        String ir = Pipelines.single(
                "echo attempt-log-line; exit 7", "", "        retryPolicy: {maxRetryCount: 1, backoffDuration: 0s}");
        RunRecord run = t.engine.create(TestEngines.uncached(ir, Map.of("p", "x")));
        RunRecord end = t.awaitEnd(run.id());
        assertThat(end.state()).isEqualTo(RunState.FAILED);
        assertThat(end.error())
                .hasValueSatisfying(e -> assertThat(e).contains("root/t").contains("exit code 7"));
        List<AttemptRecord> attempts = t.store.attempts(run.id(), "root/t");
        assertThat(attempts).hasSize(2).allSatisfy(a -> assertThat(a.logUri()).isPresent());
        for (int n = 1; n <= 2; n++) {
            try (var in = t.engine.logs(run.id(), "root/t", java.util.Optional.of(n), false)) {
                assertThat(new String(in.readAllBytes())).contains("attempt-log-line");
            }
        }
    }

    @Test
    void runs_a_parallel_for_one_at_a_time_and_collects_its_outputs() {
        RunRecord run = t.engine.create(TestEngines.uncached(Pipelines.LOOP, Map.of()));
        RunRecord end = t.awaitEnd(run.id());
        assertThat(end.state()).as("%s", t.store.tasks(run.id())).isEqualTo(RunState.SUCCEEDED);
        for (int i = 0; i < 3; i++) {
            assertThat(t.task(run.id(), "root/for-loop-1[" + i + "]/double").outputParameters())
                    .containsEntry("Output", (long) (i + 1) * 2);
        }
        assertThat(t.task(run.id(), "root/sum").inputParameters().get("xs")).isEqualTo(List.of(2L, 4L, 6L));
        // parallelismLimit 1: no two iterations overlap.
        List<TaskRecord> its = List.of(
                t.task(run.id(), "root/for-loop-1[0]"),
                t.task(run.id(), "root/for-loop-1[1]"),
                t.task(run.id(), "root/for-loop-1[2]"));
        for (int i = 1; i < 3; i++) {
            assertThat(its.get(i).startedAt().orElseThrow())
                    .isAfterOrEqualTo(its.get(i - 1).finishedAt().orElseThrow());
        }
    }

    @Test
    void runs_the_exit_handler_after_a_failure_with_the_final_status() throws Exception {
        Path marker = dir.resolve("status.json");
        RunRecord run = t.engine.create(TestEngines.uncached(
                Pipelines.EXIT_HANDLER, Map.of("script", "echo failing; exit 3", "marker", marker.toString())));
        RunRecord end = t.awaitEnd(run.id());
        assertThat(end.state()).isEqualTo(RunState.FAILED);
        assertThat(t.task(run.id(), "root/exit-op").state()).isEqualTo(TaskState.SUCCEEDED);
        Map<?, ?> status = new ObjectMapper().readValue(Files.readString(marker), Map.class);
        assertThat(status.get("state")).isEqualTo("FAILED");
        assertThat(status.get("pipelineTaskName")).isEqualTo("exit-handler-1");
    }

    @Test
    void skips_the_downstream_of_a_failed_task_and_says_why() {
        RunRecord run = t.engine.create(TestEngines.uncached(
                Pipelines.CHAIN, Map.of("a", "exit 1", "b", "echo b > \"$0\"", "c", "echo c > \"$0\"")));
        t.awaitEnd(run.id());
        assertThat(t.task(run.id(), "root/a").state()).isEqualTo(TaskState.FAILED);
        TaskRecord b = t.task(run.id(), "root/b");
        assertThat(b.state()).isEqualTo(TaskState.SKIPPED);
        assertThat(b.statusDetail()).hasValueSatisfying(d -> assertThat(d).contains("upstream task a ended FAILED"));
        assertThat(t.task(run.id(), "root/c").state()).isEqualTo(TaskState.SKIPPED);
    }

    /** flip writes tails; condition-1 runs only on heads; after depends on condition-1 (optionally ignoring upstream). */
    static String afterCondition(String afterTrigger) {
        return """
                pipelineInfo: {name: after-condition}
                components:
                  comp-flip:
                    executorLabel: exec-flip
                    outputDefinitions: {parameters: {Output: {parameterType: STRING}}}
                  comp-print:
                    executorLabel: exec-print
                  comp-condition-1:
                    inputDefinitions: {parameters: {pipelinechannel--flip-Output: {parameterType: STRING}}}
                    dag:
                      tasks:
                        print:
                          componentRef: {name: comp-print}
                          taskInfo: {name: print}
                deploymentSpec:
                  executors:
                    exec-flip:
                      container: {image: alpine, command: [sh, -c, 'printf tails > "$0"', "{{$.outputs.parameters['Output'].output_file}}"]}
                    exec-print:
                      container: {image: alpine, command: [sh, -c, 'echo ran']}
                root:
                  dag:
                    tasks:
                      flip:
                        componentRef: {name: comp-flip}
                        taskInfo: {name: flip}
                      condition-1:
                        componentRef: {name: comp-condition-1}
                        taskInfo: {name: condition-1}
                        dependentTasks: [flip]
                        inputs:
                          parameters:
                            pipelinechannel--flip-Output: {taskOutputParameter: {producerTask: flip, outputParameterKey: Output}}
                        triggerPolicy: {condition: "inputs.parameter_values['pipelinechannel--flip-Output'] == 'heads'"}
                      after:
                        componentRef: {name: comp-print}
                        taskInfo: {name: after}
                        dependentTasks: [condition-1]
                %s
                """.formatted(afterTrigger);
    }

    @Test
    void a_task_after_a_condition_that_did_not_hold_is_skipped_as_kfp_does() {
        RunRecord run = t.engine.create(TestEngines.uncached(afterCondition(""), Map.of()));

        RunRecord end = t.awaitEnd(run.id());

        assertThat(end.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(t.task(run.id(), "root/condition-1").state()).isEqualTo(TaskState.SKIPPED);
        TaskRecord after = t.task(run.id(), "root/after");
        assertThat(after.state()).isEqualTo(TaskState.SKIPPED);
        assertThat(after.statusDetail()).hasValueSatisfying(d -> assertThat(d).contains("condition-1 ended SKIPPED"));
    }

    @Test
    void a_task_that_ignores_upstream_failure_runs_after_a_skipped_condition() {
        RunRecord run = t.engine.create(TestEngines.uncached(
                afterCondition("        triggerPolicy: {strategy: ALL_UPSTREAM_TASKS_COMPLETED}"), Map.of()));

        t.awaitEnd(run.id());

        assertThat(t.task(run.id(), "root/condition-1").state()).isEqualTo(TaskState.SKIPPED);
        assertThat(t.task(run.id(), "root/after").state()).isEqualTo(TaskState.SUCCEEDED);
    }
}
