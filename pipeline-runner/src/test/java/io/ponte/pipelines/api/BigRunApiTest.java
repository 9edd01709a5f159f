package io.ponte.pipelines.api;

import static io.ponte.pipelines.testing.Api.BASE;
import static io.ponte.pipelines.testing.Api.json;
import static io.ponte.pipelines.testing.Api.runRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.testing.BigPipelines;
import io.ponte.pipelines.testing.PipelinesDatabase;
import io.ponte.pipelines.testing.PipelinesS3;
import io.ponte.pipelines.testing.RunnerProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A 10,000-task pipeline through the API: an IR bigger than Quarkus's default body limit is
 * planned, and a 10,000-task run is read page by page and its tasks one by one.
 */
@QuarkusTest
@QuarkusTestResource(value = PipelinesDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PipelinesS3.class, restrictToAnnotatedClass = true)
@TestProfile(RunnerProfile.class)
class BigRunApiTest {

    private static final int TASKS = 10_000;

    @Test
    void a_ten_thousand_task_ir_over_ten_megabytes_is_planned() {
        String ir = BigPipelines.componentPerTask(TASKS);
        assertThat(ir.getBytes(StandardCharsets.UTF_8).length)
                .as("over Quarkus's default 10M body limit")
                .isGreaterThan(10 * 1024 * 1024);

        JsonNode plan = json(given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body("{\"pipeline_spec\": " + ir + "}")
                .post(BASE + "/pipelines:plan")
                .then()
                .statusCode(200)
                .extract()
                .asString());

        assertThat(plan.path("tasks")).hasSize(TASKS);
        assertThat(plan.path("edges")).hasSize(TASKS - 1);
    }

    @Test
    void a_ten_thousand_task_run_is_read_page_by_page_and_task_by_task() {
        String id = given().contentType(ContentType.JSON)
                .body(runRequest(BigPipelines.gatedFanOut(TASKS, "sleep 600"), Map.of())
                        .toString())
                .post(BASE + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .path("run_id");
        try {
            JsonNode run = json(given().get(BASE + "/runs/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            JsonNode details = run.path("run_details");
            assertThat(details.path("task_details")).hasSize(1000);
            assertThat(details.path("total_task_count").asLong()).isEqualTo(TASKS);
            assertThat(details.path("task_details").get(0).path("task_id").asText())
                    .isEqualTo("root/step-0");

            JsonNode second = json(given().queryParam("task_page_size", 1000)
                    .queryParam(
                            "task_page_token",
                            details.path("next_task_page_token").asText())
                    .get(BASE + "/runs/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(second.path("run_details")
                            .path("task_details")
                            .get(0)
                            .path("task_id")
                            .asText())
                    .isEqualTo("root/step-1000");

            Set<String> seen = new LinkedHashSet<>();
            String token = "";
            int pages = 0;
            do {
                JsonNode page = json(given().queryParam("page_size", 1000)
                        .queryParam("page_token", token)
                        .get(BASE + "/runs/" + id + "/tasks")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
                assertThat(page.path("total_size").asLong()).isEqualTo(TASKS);
                page.path("tasks").forEach(t -> seen.add(t.path("task_id").asText()));
                token = page.path("next_page_token").asText("");
                pages++;
            } while (!token.isEmpty());
            assertThat(pages).isEqualTo(10);
            assertThat(seen).hasSize(TASKS).contains("root/step-0", "root/step-9999");

            JsonNode last = json(given().get(BASE + "/runs/" + id + "/tasks/root/step-9999")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(last.path("task_id").asText()).isEqualTo("root/step-9999");
            assertThat(last.path("state").asText()).isEqualTo("PENDING");
        } finally {
            given().urlEncodingEnabled(false).post(BASE + "/runs/" + id + ":terminate");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> given().queryParam("task_page_size", 1)
                            .get(BASE + "/runs/" + id)
                            .then()
                            .extract()
                            .path("state")
                            .equals("CANCELED"));
        }
    }
}
