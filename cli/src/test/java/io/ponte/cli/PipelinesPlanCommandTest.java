package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.cli.testing.FakeServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponte pipelines plan FILE} against a stand-in for the pipeline runner. */
class PipelinesPlanCommandTest {
    private static final String PLAN = "/apis/v2beta1/pipelines:plan";
    private static final String IR = """
            pipelineInfo:
              name: hello
            root:
              dag:
                tasks: {}
            """;

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer runner = FakeServer.start();

    @Test
    void prints_the_planned_dag_the_runner_answers_and_exits_0() throws Exception {
        runner.answer("POST", PLAN, 200, """
                {"pipeline":"hello","tasks":[{"path":"root/a","executor":"local","dependsOn":[]},
                 {"path":"root/b","executor":"local","dependsOn":["root/a"]}],
                 "edges":[{"from":"root/a","to":"root/b"}]}""");
        Path file = Files.writeString(root.resolve("hello.yaml"), IR);

        TestStack.Result plan = ponte("pipelines", "plan", file.toString());

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        JsonNode printed = new ObjectMapper().readTree(plan.out());
        assertThat(printed.path("edges").get(0).path("to").asText()).isEqualTo("root/b");
        assertThat(printed.path("tasks")).hasSize(2);
        FakeServer.Request sent = runner.request("POST", PLAN);
        assertThat(sent.body()).isEqualTo(IR);
        assertThat(sent.contentType()).startsWith("application/yaml");
    }

    @Test
    void a_pipeline_the_runner_refuses_prints_its_detail_and_exits_1() throws Exception {
        runner.answer("POST", PLAN, 400, """
                {"type":"urn:ponte:pipelines:problem:invalid-pipeline","title":"Bad Request","status":400,
                 "detail":"root.dag.tasks.a.dependentTasks: a and b wait for each other",
                 "irPath":"root.dag.tasks.a.dependentTasks"}""");
        Path file = Files.writeString(root.resolve("cycle.yaml"), IR);

        TestStack.Result plan = ponte("pipelines", "plan", file.toString());

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.out()).isEmpty();
        assertThat(plan.err())
                .isEqualTo(
                        "error: root.dag.tasks.a.dependentTasks: a and b wait for each other" + System.lineSeparator());
    }

    @Test
    void a_missing_file_is_a_usage_error() {
        TestStack.Result plan =
                ponte("pipelines", "plan", root.resolve("nope.yaml").toString());

        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.err()).contains("no such file");
        assertThat(runner.requests()).isEmpty();
    }

    @Test
    void a_runner_that_is_not_running_is_named_with_how_to_start_it() throws Exception {
        Path file = Files.writeString(root.resolve("hello.yaml"), IR);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        TestStack.Result plan = new TestStack(root, List.of(), Map.of())
                .ponte("pipelines", "plan", file.toString(), "--runner", "http://127.0.0.1:" + closedPort);

        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err()).contains("pipeline runner is not reachable", "ponte up", "--runner");
    }

    private TestStack.Result ponte(String... args) {
        return new TestStack(root, List.of(), Map.of("PONTE_PIPELINES_URL", runner.url())).ponte(args);
    }
}
