package io.ponte.pipelines.api;

import static io.ponte.pipelines.testing.Api.BASE;
import static io.ponte.pipelines.testing.Api.json;
import static io.ponte.pipelines.testing.Api.pipeline;
import static io.ponte.pipelines.testing.Api.runRequest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.testing.PipelinesDatabase;
import io.ponte.pipelines.testing.PipelinesS3;
import io.ponte.pipelines.testing.RunnerProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad requests are 4xx problems that say what to fix, and nothing is stored or started. */
@QuarkusTest
@QuarkusTestResource(value = PipelinesDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PipelinesS3.class, restrictToAnnotatedClass = true)
@TestProfile(RunnerProfile.class)
class RunErrorsApiTest {

    @Test
    void malformed_json_is_a_400_that_says_where_and_shows_no_internals() {
        JsonNode problem = problem(given().contentType(ContentType.JSON)
                .body("{\"pipeline_spec\": {\"a\": }")
                .post(BASE + "/runs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .asString());

        assertThat(problem.path("type").asText()).isEqualTo("urn:ponte:pipelines:problem:invalid-json");
        assertThat(problem.path("detail").asText()).contains("line 1");
        assertThat(problem.toString())
                .doesNotContain("Exception")
                .doesNotContain("jackson")
                .doesNotContain("\tat ");
    }

    @Test
    void a_field_of_the_wrong_type_is_named() {
        ObjectNode body = runRequest(pipeline("greet.yaml"), Map.of("who", "x"));
        body.put("enable_caching", "sometimes");

        JsonNode problem = problem(given().contentType(ContentType.JSON)
                .body(body.toString())
                .post(BASE + "/runs")
                .then()
                .statusCode(400)
                .extract()
                .asString());

        assertThat(problem.path("field").asText()).isEqualTo("enable_caching");
        assertThat(problem.path("type").asText()).isEqualTo("urn:ponte:pipelines:problem:invalid-request");
    }

    @Test
    void a_missing_required_parameter_names_it_and_no_run_is_stored() {
        String name = "missing-param-" + UUID.randomUUID();
        ObjectNode body = runRequest(pipeline("greet.yaml"), Map.of());
        body.put("display_name", name);

        JsonNode problem = problem(given().contentType(ContentType.JSON)
                .body(body.toString())
                .post(BASE + "/runs")
                .then()
                .statusCode(400)
                .extract()
                .asString());

        assertThat(problem.path("irPath").asText()).contains("who");
        assertThat(problem.path("detail").asText()).contains("who");
        assertThat(listedNamed(name)).isZero();
    }

    @Test
    void a_cycle_in_the_dag_is_refused_naming_the_ir_path() {
        String name = "cycle-" + UUID.randomUUID();
        ObjectNode body = runRequest(pipeline("cycle.yaml"), Map.of());
        body.put("display_name", name);

        JsonNode problem = problem(given().contentType(ContentType.JSON)
                .body(body.toString())
                .post(BASE + "/runs")
                .then()
                .statusCode(400)
                .extract()
                .asString());

        assertThat(problem.path("type").asText()).isEqualTo("urn:ponte:pipelines:problem:invalid-pipeline");
        assertThat(problem.path("irPath").asText()).startsWith("root.dag.tasks.");
        assertThat(listedNamed(name)).isZero();
    }

    @Test
    void an_unknown_custom_method_and_bad_list_parameters_are_named() {
        given().post(BASE + "/runs/some-id:pause").then().statusCode(404).contentType("application/problem+json");
        JsonNode problem = problem(given().queryParam("page_size", "many")
                .get(BASE + "/runs")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(problem.path("field").asText()).isEqualTo("page_size");
        JsonNode token = problem(given().queryParam("page_token", "forged")
                .get(BASE + "/runs")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(token.path("detail").asText()).contains("page_token");
    }

    @Test
    void terminating_or_retrying_an_unknown_run_is_a_404() {
        given().post(BASE + "/runs/no-such-run:terminate").then().statusCode(404);
        given().post(BASE + "/runs/no-such-run:retry").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"from_task\": \"root/a\"}")
                .post(BASE + "/runs/no-such-run:rerun")
                .then()
                .statusCode(404);
    }

    @Test
    void rerun_without_a_task_names_the_missing_field() {
        JsonNode problem = problem(given().contentType(ContentType.JSON)
                .body("{\"parameters\": {}}")
                .post(BASE + "/runs/any:rerun")
                .then()
                .statusCode(400)
                .extract()
                .asString());

        assertThat(problem.path("field").asText()).isEqualTo("from_task");
    }

    private static long listedNamed(String name) {
        return json(given().queryParam("name", name)
                        .get(BASE + "/runs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .path("total_size")
                .asLong();
    }

    private static JsonNode problem(String body) {
        JsonNode problem = json(body);
        assertThat(problem.path("status").asInt()).isBetween(400, 499);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("instance").asText()).startsWith(BASE);
        return problem;
    }
}
