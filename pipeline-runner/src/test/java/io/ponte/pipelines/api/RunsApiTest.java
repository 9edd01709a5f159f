package io.ponte.pipelines.api;

import static io.ponte.pipelines.testing.Api.BASE;
import static io.ponte.pipelines.testing.Api.awaitState;
import static io.ponte.pipelines.testing.Api.create;
import static io.ponte.pipelines.testing.Api.json;
import static io.ponte.pipelines.testing.Api.pipeline;
import static io.ponte.pipelines.testing.Api.runRequest;
import static io.ponte.pipelines.testing.Api.task;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.adapter.messaging.RecentEvents;
import io.ponte.pipelines.testing.PipelinesDatabase;
import io.ponte.pipelines.testing.PipelinesS3;
import io.ponte.pipelines.testing.RunnerProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs API over real HTTP, on the real engine, PostgreSQL, S3 API and local subprocesses. */
@QuarkusTest
@QuarkusTestResource(value = PipelinesDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PipelinesS3.class, restrictToAnnotatedClass = true)
@TestProfile(RunnerProfile.class)
class RunsApiTest {

    private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELED");

    @TempDir
    Path tmp;

    @Inject
    RecentEvents events;

    @Test
    void a_created_run_is_answered_at_once_and_reports_each_task_until_it_succeeds() {
        ObjectNode body = runRequest(pipeline("greet.yaml"), Map.of("who", "ponte"));
        body.put("display_name", "greeting " + UUID.randomUUID());

        String id = create(body);
        JsonNode done = awaitState(id, FINAL);

        assertThat(done.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.path("display_name").asText()).startsWith("greeting ");
        assertThat(done.path("pipeline_name").asText()).isEqualTo("greet");
        assertThat(done.path("runtime_config").path("parameters").path("who").asText())
                .isEqualTo("ponte");
        assertThat(done.path("pipeline_spec").path("pipelineInfo").path("name").asText())
                .isEqualTo("greet");
        JsonNode greet = task(done, "root/greet");
        assertThat(greet.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(greet.path("outputs").path("parameters").path("greeting").asText())
                .isEqualTo("hello ponte");
        JsonNode shout = task(done, "root/shout");
        assertThat(shout.path("outputs").path("parameters").path("loud").asText())
                .isEqualTo("HELLO PONTE!");
        assertThat(shout.path("attempts").asInt()).isEqualTo(1);
        assertThat(shout.path("executor").asText()).isEqualTo("local");
        assertThat(events.recent())
                .as("state changes went out on the in-memory pipeline-events channel")
                .anyMatch(e -> e.contains(id) && e.contains("\"RUN_CHANGED\"") && e.contains("\"SUCCEEDED\""))
                .anyMatch(e -> e.contains(id) && e.contains("\"root/shout\"") && e.contains("\"TASK_CHANGED\""));
    }

    @Test
    void a_task_answers_its_attempts_and_its_log() {
        String id = create(runRequest(pipeline("greet.yaml"), Map.of("who", "log-" + UUID.randomUUID())));
        awaitState(id, FINAL);

        JsonNode greet = json(given().get(BASE + "/runs/" + id + "/tasks/root/greet")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(greet.path("attempt_details")).hasSize(1);
        JsonNode attempt = greet.path("attempt_details").get(0);
        assertThat(attempt.path("attempt").asInt()).isEqualTo(1);
        assertThat(attempt.path("exit_code").asInt()).isZero();
        assertThat(attempt.path("state").asText()).isEqualTo("SUCCEEDED");

        String log = given().get(BASE + "/runs/" + id + "/tasks/root/greet/logs")
                .then()
                .statusCode(200)
                .contentType(ContentType.TEXT)
                .extract()
                .asString();
        assertThat(log).contains("greeting log-");
    }

    @Test
    void a_second_identical_run_is_served_from_the_cache_and_says_so() {
        String who = "cached-" + UUID.randomUUID();
        String first = create(runRequest(pipeline("greet.yaml"), Map.of("who", who)));
        awaitState(first, FINAL);

        String second = create(runRequest(pipeline("greet.yaml"), Map.of("who", who)));
        JsonNode done = awaitState(second, FINAL);

        JsonNode greet = task(done, "root/greet");
        assertThat(greet.path("state").asText()).isEqualTo("CACHED");
        assertThat(greet.path("status_detail").asText()).contains(first);
        assertThat(greet.path("outputs").path("parameters").path("greeting").asText())
                .isEqualTo("hello " + who);
    }

    @Test
    void a_run_that_opts_out_of_caching_runs_every_task() {
        String who = "uncached-" + UUID.randomUUID();
        awaitState(create(runRequest(pipeline("greet.yaml"), Map.of("who", who))), FINAL);
        ObjectNode body = runRequest(pipeline("greet.yaml"), Map.of("who", who));
        body.put("enable_caching", false);

        JsonNode done = awaitState(create(body), FINAL);

        assertThat(task(done, "root/greet").path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(task(done, "root/greet").path("attempts").asInt()).isEqualTo(1);
        assertThat(done.path("enable_caching").asBoolean()).isFalse();
    }

    @Test
    void retry_runs_again_only_the_failed_task() {
        String marker = tmp.resolve("marker-" + UUID.randomUUID()).toString();
        String id = create(runRequest(pipeline("flaky.yaml"), Map.of("marker", marker)));
        JsonNode failed = awaitState(id, FINAL);
        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(task(failed, "root/second").path("state").asText()).isEqualTo("FAILED");

        given().post(BASE + "/runs/" + id + ":retry").then().statusCode(200);
        JsonNode retried = awaitState(id, FINAL);

        assertThat(retried.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(task(retried, "root/first").path("attempts").asInt()).isEqualTo(1);
        assertThat(task(retried, "root/second").path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void rerun_from_a_task_keeps_the_tasks_before_it_and_applies_the_new_parameters() {
        String who = "rerun-" + UUID.randomUUID();
        String id = create(runRequest(pipeline("greet.yaml"), Map.of("who", who)));
        awaitState(id, FINAL);

        String rerun = given().contentType(ContentType.JSON)
                .body("{\"from_task\": \"root/shout\", \"parameters\": {\"suffix\": \"?\"}}")
                .post(BASE + "/runs/" + id + ":rerun")
                .then()
                .statusCode(200)
                .extract()
                .path("run_id");
        JsonNode done = awaitState(rerun, FINAL);

        assertThat(rerun).isNotEqualTo(id);
        assertThat(done.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(task(done, "root/shout")
                        .path("outputs")
                        .path("parameters")
                        .path("loud")
                        .asText())
                .isEqualTo("HELLO " + who.toUpperCase() + "?");
        assertThat(task(done, "root/greet").path("status_detail").asText())
                .as("greet was kept, not run again")
                .contains("kept from run " + id);
        assertThat(task(done, "root/greet")
                        .path("outputs")
                        .path("parameters")
                        .path("greeting")
                        .asText())
                .isEqualTo("hello " + who);
    }

    @Test
    void terminate_stops_a_running_run() {
        String id = create(runRequest(pipeline("slow.yaml"), Map.of()));
        awaitState(id, Set.of("RUNNING"));

        given().post(BASE + "/runs/" + id + ":terminate").then().statusCode(200);
        JsonNode done = awaitState(id, FINAL);

        assertThat(done.path("state").asText()).isEqualTo("CANCELED");
        assertThat(task(done, "root/nap").path("state").asText()).isEqualTo("CANCELED");
    }

    @Test
    void list_filters_by_pipeline_and_state_and_pages_with_a_token() {
        List<String> created = new ArrayList<>();
        String marker = "paging-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            ObjectNode body = runRequest(pipeline("greet.yaml"), Map.of("who", marker + i));
            body.put("display_name", marker + " " + i);
            created.add(create(body));
        }
        created.forEach(id -> awaitState(id, FINAL));

        JsonNode first = json(given().queryParam("name", marker)
                .queryParam("pipeline_name", "greet")
                .queryParam("state", "SUCCEEDED")
                .queryParam("page_size", 2)
                .get(BASE + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(first.path("total_size").asInt()).isEqualTo(3);
        assertThat(first.path("runs")).hasSize(2);
        String token = first.path("next_page_token").asText();
        assertThat(token).isNotEmpty();
        JsonNode second = json(given().queryParam("name", marker)
                .queryParam("page_size", 2)
                .queryParam("page_token", token)
                .get(BASE + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(second.path("runs")).hasSize(1);
        assertThat(second.has("next_page_token")).isFalse();

        List<String> listed = new ArrayList<>();
        first.path("runs").forEach(r -> listed.add(r.path("run_id").asText()));
        second.path("runs").forEach(r -> listed.add(r.path("run_id").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
        assertThat(first.path("runs").get(0).has("pipeline_spec"))
                .as("lists stay small")
                .isFalse();
    }

    @Test
    void an_unknown_run_is_a_404_problem() {
        JsonNode problem = json(given().get(BASE + "/runs/no-such-run")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString());

        assertThat(problem.path("type").asText()).isEqualTo("urn:ponte:pipelines:problem:not-found");
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("title").asText()).isEqualTo("Not Found");
        assertThat(problem.path("detail").asText()).contains("no-such-run");
        assertThat(problem.path("instance").asText()).isEqualTo(BASE + "/runs/no-such-run");
    }

    @Test
    void a_task_the_run_does_not_have_is_a_404_problem() {
        String id = create(runRequest(pipeline("greet.yaml"), Map.of("who", "x-" + UUID.randomUUID())));

        given().get(BASE + "/runs/" + id + "/tasks/root/nope")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get(BASE + "/runs/" + id + "/tasks/root/nope/logs")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
