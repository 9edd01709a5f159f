package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.rag.RagService;
import io.ponte.cli.testing.FakeServer;
import io.ponte.cli.testing.FakeServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** How {@code ponte ingest}, {@code ask} and {@code rag} find the rag service and report that it is not there. */
class RagAccessTest {
    private static final String CHAT = "/rag/v1/chat";

    @TempDir
    Path root;

    @RegisterExtension
    private final FakeServer rag = FakeServer.start();

    @Test
    void an_unreachable_rag_service_is_named_with_how_to_start_it_by_every_command() throws Exception {
        String nowhere = "http://127.0.0.1:" + FakeServices.freePort();
        Map<String, String> env = Map.of("PONTE_RAG_URL", nowhere);
        Path qa = Files.writeString(root.resolve("qa.jsonl"), "{}\n");

        List<TestStack.Result> results = List.of(
                ponte(env, "ingest", "docs"),
                ponte(env, "ask", "router port?"),
                ponte(env, "ask", "router port?", "--stream"),
                ponte(env, "rag", "eval", "--qa", qa.toString()));

        assertThat(results).allSatisfy(result -> {
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .isEqualTo("error: the rag service is not reachable at " + nowhere + " (connection refused). "
                            + "`ponte up` starts it; --rag URL or PONTE_RAG_URL points elsewhere."
                            + System.lineSeparator());
        });
    }

    @Test
    void the_rag_option_wins_over_the_environment() {
        rag.answer("POST", CHAT, 200, """
                {"answer":"8080.","mode":"generated","citations":[]}""");
        String nowhere = "http://127.0.0.1:" + FakeServices.freePort();

        TestStack.Result ask = ponte(Map.of("PONTE_RAG_URL", nowhere), "ask", "router port?", "--rag", rag.url() + "/");

        assertThat(ask.exitCode()).as(ask.err()).isZero();
        assertThat(ask.out()).isEqualTo("8080." + System.lineSeparator());
        assertThat(rag.requests("POST", CHAT)).hasSize(1);
    }

    @Test
    void without_option_or_environment_the_rag_service_is_on_port_8082_of_this_machine() {
        assertThat(RagService.SERVICE.url(null, Map.of())).hasToString("http://127.0.0.1:8082");
        assertThat(RagService.SERVICE.url(null, Map.of("PONTE_RAG_URL", " "))).hasToString("http://127.0.0.1:8082");
        assertThat(RagService.SERVICE.url("https://rag.example", Map.of("PONTE_RAG_URL", "http://elsewhere")))
                .hasToString("https://rag.example");
    }

    @Test
    void a_rag_url_that_is_not_http_is_a_usage_error() {
        TestStack.Result ask = ponte(Map.of(), "ask", "router port?", "--rag", "localhost:8082");

        assertThat(ask.exitCode()).isEqualTo(2);
        assertThat(ask.err())
                .contains("the rag service URL must be http://HOST[:PORT] or https://…, not 'localhost:8082'");
    }

    @Test
    void rag_alone_prints_its_usage() {
        TestStack.Result group = ponte(Map.of(), "rag");

        assertThat(group.exitCode()).isEqualTo(2);
        assertThat(group.err()).contains("eval");
    }

    private TestStack.Result ponte(Map<String, String> env, String... args) {
        return new TestStack(root, List.of(), env).ponte(args);
    }
}
