package io.ponte.rag.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.ponte.rag.testing.FixtureCorpus;
import io.ponte.rag.testing.LlmResource;
import io.ponte.rag.testing.RecordingLlm;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The language-model path against a recording stand-in: what reaches the model (the question, numbered sources
 * with file, heading and lines) and how its answer's citations map back to retrieved passages.
 */
@QuarkusTest
@TestProfile(GeneratedAnswerTest.WithLlm.class)
@QuarkusTestResource(value = LlmResource.class, restrictToAnnotatedClass = true)
class GeneratedAnswerTest {

    private static final String QUESTION = "On which ports does the WebDAV service listen?";

    /** The fixture corpus in its own index. */
    public static class WithLlm extends FixtureCorpus {}

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void the_model_gets_the_question_and_numbered_sources_and_its_citations_map_back() {
        RecordingLlm llm = LlmResource.llm();
        llm.reply("HTTPS on 8443 and plain HTTP on 8085 [1].");

        var answer = ask(Map.of("question", QUESTION))
                .statusCode(200)
                .body("mode", equalTo("generated"))
                .body("answer", equalTo("HTTPS on 8443 and plain HTTP on 8085 [1]."))
                .extract();

        String prompt = llm.lastPrompt();
        assertThat(prompt).contains("Question: " + QUESTION).contains("[1] ").contains("(lines ");
        String firstSource = sourceLine(prompt, 1);
        assertThat((String) answer.path("citations[0].file"))
                .isEqualTo(firstSource.split(" ")[0]);
        assertThat(firstSource).startsWith("ops/storage.md");
        assertThat(llm.requests().get(llm.requests().size() - 1).path("model").asText())
                .isEqualTo("test-model");
        assertThat(llm.requests()
                        .get(llm.requests().size() - 1)
                        .path("messages")
                        .get(0)
                        .path("content")
                        .asText())
                .contains("ONLY the numbered sources");
    }

    @Test
    void a_citation_of_a_source_that_was_not_given_is_removed() {
        LlmResource.llm().reply("Port 8443 [1], see also [9].");

        ask(Map.of("question", QUESTION))
                .statusCode(200)
                .body("answer", not(containsString("[9]")))
                .body("citations.number", equalTo(List.of(1)));
    }

    @Test
    void the_model_saying_the_sources_do_not_answer_becomes_a_refusal() {
        LlmResource.llm().reply("NOT_IN_DOCS");

        ask(Map.of("question", QUESTION))
                .statusCode(200)
                .body("mode", equalTo("refused"))
                .body("answer", containsString("does not cover"));
    }

    @Test
    void history_reaches_the_model_and_streaming_relays_its_pieces() {
        LlmResource.llm().reply("It listens on 8443 for HTTPS [1].");

        String body = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "question",
                        QUESTION,
                        "stream",
                        true,
                        "history",
                        List.of(
                                Map.of("role", "user", "content", "Tell me about StoRM WebDAV."),
                                Map.of("role", "assistant", "content", "It serves storage areas over HTTP."))))
                .post("/rag/v1/chat")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        var messages = LlmResource.llm()
                .requests()
                .get(LlmResource.llm().requests().size() - 1)
                .path("messages");
        assertThat(messages.get(1).path("content").asText()).isEqualTo("Tell me about StoRM WebDAV.");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("assistant");
        assertThat(body.split("event: delta").length - 1).isGreaterThan(1);
        assertThat(body).contains("\"mode\":\"generated\"");
    }

    @Test
    void answer_checks_score_the_models_answers_against_the_references() {
        LlmResource.llm().reply("HTTPS on 8443 and plain HTTP on 8085 [1].");
        String qa = "{\"id\":\"p\",\"question\":\"" + QUESTION
                + "\",\"source_files\":[\"ops/storage.md\"],\"answer\":\"8443 for HTTPS, 8085 for HTTP\"}";

        given().contentType("application/x-ndjson")
                .body(qa.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/rag/v1/eval/answers?collection=docs")
                .then()
                .statusCode(200)
                .body("accuracy", equalTo(1.0f))
                .body("checks[0].keyTermRecall", equalTo(1.0f))
                .body("checks[0].citationPrecision", equalTo(1.0f));
    }

    private static String sourceLine(String prompt, int n) {
        Matcher m = Pattern.compile("^\\[" + n + "] (.*)$", Pattern.MULTILINE).matcher(prompt);
        assertThat(m.find()).as("source [" + n + "] in the prompt").isTrue();
        return m.group(1);
    }

    private static io.restassured.response.ValidatableResponse ask(Map<String, ?> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/rag/v1/chat")
                .then();
    }
}
