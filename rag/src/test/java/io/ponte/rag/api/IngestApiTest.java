package io.ponte.rag.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.rag.testing.FixtureCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingestion through the API: incremental re-ingestion, removals, bad files, paths outside the allowed roots. */
@QuarkusTest
@TestProfile(FixtureCorpus.class)
class IngestApiTest {

    private Path dir;
    private String collection;

    @BeforeEach
    void a_private_copy_of_the_corpus() throws IOException {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        collection = "scratch-" + UUID.randomUUID().toString().substring(0, 8);
        dir = Path.of("target", collection).toAbsolutePath();
        try (Stream<Path> files = Files.walk(FixtureCorpus.CORPUS)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(FixtureCorpus.CORPUS.relativize(source));
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
    }

    @Test
    void re_ingesting_embeds_only_what_changed_and_drops_what_was_deleted() throws IOException {
        ingest(dir).statusCode(200).body("added", equalTo(4)).body("unchanged", equalTo(0));
        ingest(dir).statusCode(200).body("unchanged", equalTo(4)).body("passagesEmbedded", equalTo(0));

        Files.writeString(
                dir.resolve("ops/storage.md"),
                "\n## Quotas\n\nEach storage area has a quota named quokkaquota of 5 TB.\n",
                StandardOpenOption.APPEND);
        Files.delete(dir.resolve("ops/accounts.md"));
        ingest(dir)
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(2))
                .body("removed", equalTo(1));

        given().contentType(ContentType.JSON)
                .body(Map.of("question", "What is the quokkaquota of a storage area?", "collection", collection))
                .post("/rag/v1/chat")
                .then()
                .statusCode(200)
                .body("passages[0].file", equalTo("ops/storage.md"))
                .body("passages[0].text", org.hamcrest.Matchers.containsString("quokkaquota"));
        List<String> files = given().contentType(ContentType.JSON)
                .body(Map.of("question", "How long until an expired account is suspended?", "collection", collection))
                .post("/rag/v1/chat")
                .then()
                .statusCode(200)
                .extract()
                .path("passages.file");
        assertThat(files).doesNotContain("ops/accounts.md");
    }

    @Test
    void a_corrupt_file_is_reported_and_the_rest_is_indexed() throws IOException {
        Files.write(dir.resolve("broken.pdf"), "%PDF-1.7 this is not really a pdf".getBytes(StandardCharsets.UTF_8));

        ingest(dir)
                .statusCode(200)
                .body("added", equalTo(4))
                .body("failed[0].file", equalTo("broken.pdf"))
                .body("failed[0].reason", org.hamcrest.Matchers.containsString("broken.pdf"));
    }

    @Test
    void paths_outside_the_allowed_roots_are_refused() {
        ingest(Path.of("/etc")).statusCode(403).body("field", equalTo("path"));
        ingest(dir.resolve("no-such-dir")).statusCode(400).body("field", equalTo("path"));
        given().contentType(ContentType.JSON)
                .body(Map.of("collection", "Bad Name!", "path", dir.toString()))
                .post("/rag/v1/ingest")
                .then()
                .statusCode(400)
                .body("field", equalTo("collection"));
    }

    @Test
    void a_single_file_of_an_unsupported_type_is_refused() throws IOException {
        Path slides = dir.resolve("slides.pptx");
        Files.writeString(slides, "not a document we read");

        ingest(slides).statusCode(415).body("field", equalTo("path"));
    }

    private ValidatableResponse ingest(Path path) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("collection", collection, "path", path.toString()))
                .post("/rag/v1/ingest")
                .then();
    }
}
