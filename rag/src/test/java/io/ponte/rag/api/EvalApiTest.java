package io.ponte.rag.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.rag.testing.FixtureCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The evaluation endpoint over the fixture corpus, with gold files and one question it cannot answer. */
@QuarkusTest
@TestProfile(FixtureCorpus.class)
class EvalApiTest {

    private static final String QA = String.join(
            "\n",
            "{\"id\":\"a\",\"question\":\"Which port serves WebDAV over HTTPS?\",\"source_files\":[\"ops/storage.md\"],\"language\":\"en\"}",
            "{\"id\":\"b\",\"question\":\"Quali volumi posso montare nei container remoti?\",\"source_files\":[\"guides/offloading.md\"],\"language\":\"it\"}",
            "{\"id\":\"c\",\"question\":\"How do I bake sourdough bread at home?\",\"source_files\":[],\"language\":\"en\"}");

    @BeforeEach
    void ready() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void every_mode_is_scored_overall_and_per_language() {
        given().contentType("application/x-ndjson")
                .body(QA.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/rag/v1/eval?collection=docs&modes=keyword,hybrid")
                .then()
                .statusCode(200)
                .body("questions", equalTo(3))
                .body("scores.HYBRID.all.questions", equalTo(2))
                .body("scores.HYBRID.all.recallAt5", equalTo(1.0f))
                .body("scores.HYBRID.it.recallAt5", equalTo(1.0f))
                .body("scores.HYBRID.all.refusalAccuracy", equalTo(1.0f))
                .body("scores.KEYWORD.en.questions", equalTo(1));
    }

    @Test
    void a_malformed_set_names_the_line() {
        given().contentType("application/x-ndjson")
                .body("{\"question\":\"ok?\",\"source_files\":[]}\n{not json"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/rag/v1/eval?collection=docs")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("line 2"));
        given().contentType("application/x-ndjson")
                .body("{\"question\":\"ok?\",\"source_files\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/rag/v1/eval?collection=docs&modes=psychic")
                .then()
                .statusCode(400)
                .body("field", equalTo("modes"));
    }
}
