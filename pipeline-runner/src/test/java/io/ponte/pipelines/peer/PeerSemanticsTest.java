package io.ponte.pipelines.peer;

import static io.ponte.pipelines.peer.StandIns.input;
import static io.ponte.pipelines.peer.StandIns.outputFile;
import static io.ponte.pipelines.peer.StandIns.script;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.core.engine.TestEngines;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KFP's trigger semantics on the peer suite's own DAGs, run with shell stand-ins for their Python
 * components ({@link StandIns}): the branches of a {@code dsl.If / Else} that did not run are
 * SKIPPED, the {@code condition-branches} DAG around them still succeeds, and a task that only takes
 * the {@code dsl.OneOf} output runs with the value of the branch that ran (KFP v2 gates a task on
 * its upstream tasks having succeeded, and a DAG whose skipped children are its only non-run ones
 * has succeeded); an exit handler runs after a failure and receives the failed task group's
 * {@code PipelineTaskFinalStatus}.
 */
class PeerSemanticsTest {

    private static final Path SUITE =
            Path.of(System.getProperty("ponte.shared.dir", "../../shared")).resolve("peer-suites/kfp-ir/pipelines");

    @TempDir
    Path dir;

    TestEngines t;

    @BeforeEach
    void setUp() {
        assumeTrue(Files.isDirectory(SUITE), "peer suite not found at " + SUITE + "; skipped");
        t = new TestEngines(dir);
    }

    @AfterEach
    void tearDown() {
        if (t != null) {
            t.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"heads", "tails"})
    void the_task_after_if_else_gets_the_oneof_output_of_the_branch_that_ran(String coin) throws Exception {
        String printAndReturn = "echo \"$0\"; printf %s \"$0\" > \"$1\"";
        String ir = StandIns.apply(
                SUITE.resolve("valid__if_else_with_oneof_parameters.yaml"),
                Map.of(
                        "exec-flip-coin", script("printf %s " + coin + " > \"$0\"", outputFile("Output")),
                        "exec-print-and-return", script(printAndReturn, input("text"), outputFile("Output")),
                        "exec-print-and-return-2", script(printAndReturn, input("text"), outputFile("Output")),
                        "exec-print-and-return-3", script(printAndReturn, input("text"), outputFile("Output"))));

        RunRecord run = t.engine.create(TestEngines.uncached(ir, Map.of()));
        RunRecord end = t.awaitEnd(run.id());

        assertThat(end.state()).as("%s", t.store.tasks(run.id())).isEqualTo(RunState.SUCCEEDED);
        String ran = coin.equals("heads") ? "condition-2" : "condition-3";
        String skipped = coin.equals("heads") ? "condition-3" : "condition-2";
        String branches = "root/condition-branches-1";
        assertThat(t.task(run.id(), branches).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.task(run.id(), branches + "/" + ran).state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.task(run.id(), branches + "/" + skipped).state()).isEqualTo(TaskState.SKIPPED);
        assertThat(t.task(run.id(), branches + "/" + skipped).statusDetail().orElseThrow())
                .contains("is false");
        assertThat(t.store.task(run.id(), branches + "/" + skipped + "/print-and-return"))
                .as("a skipped branch's tasks are never created")
                .isEmpty();
        String expected = coin.equals("heads") ? "Got heads!" : "Got tails!";
        assertThat(t.task(run.id(), "root/print-and-return-3").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.task(run.id(), "root/print-and-return-3").inputParameters())
                .containsEntry("text", expected);
        assertThat(t.task(run.id(), "root/print-and-return-3").outputParameters())
                .containsEntry("Output", expected);
    }

    @Test
    void the_exit_handler_runs_after_a_failure_and_sees_the_group_s_final_status() throws Exception {
        Path status = dir.resolve("status.json");
        String ir = StandIns.apply(
                SUITE.resolve("valid__pipeline_with_task_final_status.yaml"),
                Map.of(
                        "exec-print-op",
                        script("echo \"$0\"", input("message")),
                        "exec-fail-op",
                        script("echo \"$0\"; exit 1", input("message")),
                        "exec-exit-op",
                        script(
                                "printf %s \"$0\" > " + status + "; echo \"$1\"",
                                input("status"),
                                input("user_input"))));

        RunRecord run = t.engine.create(TestEngines.uncached(ir, Map.of("message", "Hello World!")));
        RunRecord end = t.awaitEnd(run.id());

        assertThat(end.state()).isEqualTo(RunState.FAILED);
        assertThat(t.task(run.id(), "root/exit-handler-1").state()).isEqualTo(TaskState.FAILED);
        assertThat(t.task(run.id(), "root/exit-handler-1/fail-op").state()).isEqualTo(TaskState.FAILED);
        assertThat(t.task(run.id(), "root/exit-handler-1/print-op").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(t.task(run.id(), "root/exit-op").state()).isEqualTo(TaskState.SUCCEEDED);
        Map<?, ?> finalStatus = new ObjectMapper().readValue(Files.readString(status), Map.class);
        assertThat(finalStatus.get("state")).isEqualTo("FAILED");
        assertThat(finalStatus.get("pipelineTaskName")).isEqualTo("exit-handler-1");
        assertThat(((Map<?, ?>) finalStatus.get("error")).get("message").toString())
                .contains("fail-op");
    }
}
