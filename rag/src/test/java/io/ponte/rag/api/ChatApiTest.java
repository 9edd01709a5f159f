package io.ponte.rag.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.ponte.rag.testing.FixtureCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Asking questions of the fixture corpus without a language model: extractive answers, refusals, bad input. */
@QuarkusTest
@TestProfile(FixtureCorpus.class)
class ChatApiTest {

    @BeforeEach
    void corpus_is_ingested() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void an_answer_cites_the_file_section_and_lines_it_comes_from() {
        var answer = ask(Map.of("question", "Which environment variable sets the OpenTelemetry collector address?"))
                .statusCode(200)
                .body("mode", equalTo("extractive"))
                .body("answer", containsString("TELEMETRY_ENDPOINT"))
                .body("citations[0].file", equalTo("guides/tracing.mdx"))
                .body("citations[0].heading", startsWith("Tracing"))
                .extract();

        String lines = answer.path("citations[0].lines");
        int first = Integer.parseInt(lines.substring(0, lines.indexOf('-')));
        int last = Integer.parseInt(lines.substring(lines.indexOf('-') + 1));
        // TELEMETRY_ENDPOINT is on line 6 of the file
        assertThat(first).isLessThanOrEqualTo(6);
        assertThat(last).isGreaterThanOrEqualTo(6);
        assertThat((String) answer.path("answer")).contains("[1]");
    }

    @Test
    void an_exact_identifier_finds_its_passage() {
        ask(Map.of("question", "What does slurm-job.vk.io/flags do?"))
                .statusCode(200)
                .body("passages[0].file", equalTo("guides/offloading.md"))
                .body("passages[0].heading", containsString("Annotations"));
    }

    @Test
    void an_italian_question_finds_the_english_passage() {
        ask(Map.of("question", "Dopo quanti giorni un account scaduto viene sospeso?"))
                .statusCode(200)
                .body("language", equalTo("it"))
                .body("passages[0].file", equalTo("ops/accounts.md"));
    }

    @Test
    void a_question_the_documents_do_not_cover_is_refused() {
        ask(Map.of("question", "What is the recipe for a good risotto alla milanese?"))
                .statusCode(200)
                .body("mode", equalTo("refused"))
                .body("citations", org.hamcrest.Matchers.empty());
    }

    @Test
    void bad_questions_are_refused_with_the_field_named() {
        ask(Map.of("question", "  ")).statusCode(400).body("field", equalTo("question"));
        ask(Map.of("question", "x".repeat(100_000))).statusCode(400).body("field", equalTo("question"));
        ask(Map.of("question", "ports?", "collection", "nope")).statusCode(404).body("field", equalTo("collection"));
        ask(Map.of("question", "ports?", "colour", "red")).statusCode(400).body("field", equalTo("colour"));
        given().contentType(ContentType.JSON)
                .body("{\"question\": ")
                .post("/rag/v1/chat")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void streaming_sends_passages_then_the_text_then_the_citations() {
        String body = given().contentType(ContentType.JSON)
                .accept("text/event-stream")
                .body(Map.of("question", "On which port does WebDAV serve HTTPS?", "stream", true))
                .post("/rag/v1/chat")
                .then()
                .statusCode(200)
                .contentType(containsString("text/event-stream"))
                .extract()
                .asString();

        int passages = body.indexOf("event: passages");
        int delta = body.indexOf("event: delta");
        int done = body.indexOf("event: done");
        assertThat(passages).isNotNegative().isLessThan(delta);
        assertThat(delta).isLessThan(done);
        assertThat(body.substring(done)).contains("ops/storage.md").contains("8443");
    }

    @Test
    void collections_are_listed_with_their_sizes() {
        given().get("/rag/v1/collections")
                .then()
                .statusCode(200)
                .body("collections.name", hasItem("docs"))
                .body("collections.find { it.name == 'docs' }.files", equalTo(4))
                .body("generation", equalTo("extractive"));
    }

    @Test
    void the_openai_facade_answers_with_sources_in_the_text() {
        given().get("/v1/models").then().statusCode(200).body("data.id", hasItem("rag-docs"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "model",
                        "rag-docs",
                        "messages",
                        List.of(Map.of(
                                "role", "user", "content", "Which volume types can offloaded containers mount?"))))
                .post("/v1/chat/completions")
                .then()
                .statusCode(200)
                .body("object", equalTo("chat.completion"))
                .body("choices[0].message.content", containsString("Sources:"))
                .body("choices[0].message.content", containsString("guides/offloading.md"))
                .body("citations[0].file", equalTo("guides/offloading.md"));
        given().contentType(ContentType.JSON)
                .body(Map.of("model", "gpt-4", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/v1/chat/completions")
                .then()
                .statusCode(404)
                .body("error.param", equalTo("model"));
    }

    @Test
    void the_openai_facade_streams_chunks_and_done() {
        String body = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "model",
                        "rag-docs",
                        "stream",
                        true,
                        "messages",
                        List.of(Map.of("role", "user", "content", "Where are storage areas configured?"))))
                .post("/v1/chat/completions")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(body).contains("chat.completion.chunk").contains("sa.d").endsWith("data: [DONE]\n\n");
    }

    private static io.restassured.response.ValidatableResponse ask(Map<String, ?> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/rag/v1/chat")
                .then();
    }
}
