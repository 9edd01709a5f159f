package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.testing.FakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponte run FILE} against a stand-in for the pipeline runner. */
class RunCommandTest {
    private static final String RUNS = "/apis/v2beta1/runs";
    private static final String NL = System.lineSeparator();
    private static final String IR = "pipelineInfo:\n  name: greet\n";

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer runner = FakeServer.start();

    @Test
    void sends_the_ir_with_typed_parameters_and_the_options_then_prints_the_run() throws Exception {
        runner.answer("POST", RUNS, 200, """
                {"run_id":"r-1","state":"PENDING","run_details":{"task_details":[]}}""");
        Path file = Files.writeString(root.resolve("greet.yaml"), IR);

        TestStack.Result run = ponte(
                "run",
                file.toString(),
                "-p",
                "who=world",
                "-p",
                "lr=0.1",
                "-p",
                "tags=[\"a\",\"b\"]",
                "-p",
                "code=\"007\"",
                "--no-cache",
                "--executor",
                "kubernetes",
                "--name",
                "nightly");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("run r-1 PENDING" + NL);
        Map<String, Object> body = runner.request("POST", RUNS).json();
        assertThat(body)
                .containsEntry("pipeline_spec", IR)
                .containsEntry("enable_caching", false)
                .containsEntry("executor", "kubernetes")
                .containsEntry("display_name", "nightly");
        assertThat(body.get("runtime_config"))
                .isEqualTo(Map.of(
                        "parameters", Map.of("who", "world", "lr", 0.1, "tags", List.of("a", "b"), "code", "007")));
    }

    @Test
    void follow_prints_task_state_changes_and_exits_0_when_the_run_succeeds() throws Exception {
        runner.answer("POST", RUNS, 200, "{\"run_id\":\"r-2\",\"state\":\"PENDING\"}")
                .answer("GET", RUNS + "/r-2", 200, run("RUNNING", task("root/greet", "RUNNING", null)))
                .answer("GET", RUNS + "/r-2", 200, run("RUNNING", task("root/greet", "RUNNING", null)))
                .answer(
                        "GET",
                        RUNS + "/r-2",
                        200,
                        run(
                                "SUCCEEDED",
                                task("root/greet", "CACHED", "cache hit: run r-0 task root/greet"),
                                task("root/shout", "SUCCEEDED", null)));
        Path file = Files.writeString(root.resolve("greet.yaml"), IR);

        TestStack.Result run = ponte("run", file.toString(), "-p", "who=x", "--follow");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines())
                .containsExactly(
                        "run r-2 PENDING",
                        "root/greet  RUNNING",
                        "root/greet  CACHED  cache hit: run r-0 task root/greet",
                        "root/shout  SUCCEEDED",
                        "run r-2 SUCCEEDED");
    }

    @Test
    void follow_exits_1_and_says_why_when_the_run_fails() throws Exception {
        runner.answer("POST", RUNS, 200, "{\"run_id\":\"r-3\",\"state\":\"PENDING\"}")
                .answer("GET", RUNS + "/r-3", 200, """
                        {"run_id":"r-3","state":"FAILED","error":{"message":"task root/train failed"},
                         "run_details":{"task_details":[{"task_id":"root/train","state":"FAILED",
                         "error":{"message":"exit code 3"}}]}}""");
        Path file = Files.writeString(root.resolve("train.yaml"), IR);

        TestStack.Result run = ponte("run", file.toString(), "--follow");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).contains("root/train  FAILED  exit code 3", "run r-3 FAILED");
        assertThat(run.err()).startsWith("error: run r-3 FAILED: task root/train failed");
    }

    @Test
    void a_missing_required_parameter_is_the_runners_detail_with_exit_code_1() throws Exception {
        runner.answer("POST", RUNS, 400, """
                {"type":"urn:ponte:pipelines:problem:invalid-pipeline","status":400,"title":"Bad Request",
                 "detail":"root.inputDefinitions.parameters.who: required parameter who has no value",
                 "irPath":"root.inputDefinitions.parameters.who"}""");
        Path file = Files.writeString(root.resolve("greet.yaml"), IR);

        TestStack.Result run = ponte("run", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("required parameter who");
    }

    @Test
    void a_parameter_without_a_value_is_a_usage_error_and_nothing_is_sent() throws Exception {
        Path file = Files.writeString(root.resolve("greet.yaml"), IR);

        TestStack.Result run = ponte("run", file.toString(), "-p", "who");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("NAME=VALUE");
        assertThat(runner.requests()).isEmpty();
    }

    static String run(String state, String... tasks) {
        return "{\"run_id\":\"r\",\"state\":\"" + state + "\",\"run_details\":{\"task_details\":["
                + String.join(",", tasks) + "]}}";
    }

    static String task(String path, String state, String detail) {
        return "{\"task_id\":\"" + path + "\",\"state\":\"" + state + "\",\"attempts\":1,\"executor\":\"local\""
                + (detail == null ? "" : ",\"status_detail\":\"" + detail + "\"") + "}";
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_PIPELINES_URL", runner.url())).ponte(args);
    }
}
