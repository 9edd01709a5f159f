package io.ponte.pipelines.api;

import static io.ponte.pipelines.testing.Api.BASE;
import static io.ponte.pipelines.testing.Api.json;
import static io.ponte.pipelines.testing.Api.pipeline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.testing.PipelinesDatabase;
import io.ponte.pipelines.testing.PipelinesS3;
import io.ponte.pipelines.testing.RunnerProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code POST pipelines:plan}: the planned DAG without running anything, or the IR path at fault.
 * The colon is sent as is (RestAssured would encode it as {@code %3A}, which the router does not match).
 */
@QuarkusTest
@QuarkusTestResource(value = PipelinesDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PipelinesS3.class, restrictToAnnotatedClass = true)
@TestProfile(RunnerProfile.class)
class PlanApiTest {

    @Test
    void yaml_ir_plans_to_its_tasks_edges_and_executors() {
        JsonNode plan = json(given().urlEncodingEnabled(false)
                .contentType("application/yaml")
                .body(yaml("greet.yaml"))
                .post(BASE + "/pipelines:plan")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .asString());

        assertThat(plan.path("pipeline").asText()).isEqualTo("greet");
        List<String> paths = new ArrayList<>();
        plan.path("tasks").forEach(t -> paths.add(t.path("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("root/greet", "root/shout");
        assertThat(plan.path("edges")).hasSize(1);
        assertThat(plan.path("edges").get(0).path("from").asText()).isEqualTo("root/greet");
        assertThat(plan.path("edges").get(0).path("to").asText()).isEqualTo("root/shout");
        plan.path("tasks").forEach(t -> assertThat(t.path("executor").asText()).isEqualTo("local"));
    }

    @Test
    void json_with_the_spec_inside_plans_the_same_and_nothing_is_run() {
        String body = "{\"pipeline_spec\": "
                + json(given().urlEncodingEnabled(false)
                                .contentType("application/yaml")
                                .body(yaml("greet.yaml"))
                                .post(BASE + "/pipelines/plan")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .path("pipeline")
                        .toString()
                + "}";
        given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(body)
                .post(BASE + "/pipelines:plan")
                .then()
                .statusCode(400);

        String specAsText = "{\"pipeline_spec\": "
                + new com.fasterxml.jackson.databind.ObjectMapper()
                        .valueToTree(pipeline("greet.yaml"))
                        .toString() + "}";
        JsonNode plan = json(given().urlEncodingEnabled(false)
                .contentType(ContentType.JSON)
                .body(specAsText)
                .post(BASE + "/pipelines:plan")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(plan.path("tasks")).hasSize(2);
        assertThat(json(given().queryParam("pipeline_name", "greet-never-run")
                                .get(BASE + "/runs")
                                .then()
                                .extract()
                                .asString())
                        .path("total_size")
                        .asInt())
                .isZero();
    }

    @Test
    void an_inconsistent_pipeline_is_a_400_naming_the_ir_path() {
        JsonNode problem = json(given().urlEncodingEnabled(false)
                .contentType("application/yaml")
                .body(yaml("cycle.yaml"))
                .post(BASE + "/pipelines:plan")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .asString());

        assertThat(problem.path("irPath").asText()).startsWith("root.dag.tasks.");
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @Test
    void the_alias_path_plans_too() {
        given().urlEncodingEnabled(false)
                .contentType("application/yaml")
                .body(yaml("greet.yaml"))
                .post(BASE + "/pipelines/plan")
                .then()
                .statusCode(200);
    }

    private static byte[] yaml(String name) {
        return pipeline(name).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void an_empty_body_is_a_400() {
        given().urlEncodingEnabled(false)
                .contentType("application/yaml")
                .body(new byte[0])
                .post(BASE + "/pipelines:plan")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
