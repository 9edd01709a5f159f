package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.badCall;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.create;
import static io.ponte.registry.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ExperimentApiTest {

    @Test
    void runs_belong_to_their_experiment() {
        String exp = create("/experiments", Map.of("name", unique("exp"), "owner", "alice"));
        String run = call().body(Map.of("name", "run-1", "experimentId", exp, "status", "RUNNING"))
                .post(BASE + "/experiments/" + exp + "/experiment_runs")
                .then()
                .statusCode(201)
                .body("experimentId", equalTo(exp))
                .body("state", equalTo("LIVE"))
                .extract()
                .path("id");

        call().get(BASE + "/experiments/" + exp + "/experiment_runs")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(run));
        call().body(Map.of("status", "FINISHED", "endTimeSinceEpoch", "1764000000000"))
                .patch(BASE + "/experiment_runs/" + run)
                .then()
                .statusCode(200)
                .body("status", equalTo("FINISHED"))
                .body("endTimeSinceEpoch", equalTo("1764000000000"));
    }

    @Test
    void logged_metrics_keep_their_history_and_the_latest_value() {
        String exp = create("/experiments", Map.of("name", unique("exp")));
        String run = create("/experiment_runs", Map.of("name", "r", "experimentId", exp));
        for (int step = 1; step <= 3; step++) {
            call().body(Map.of(
                            "artifactType",
                            "metric",
                            "name",
                            "loss",
                            "value",
                            1.0 / step,
                            "step",
                            step,
                            "timestamp",
                            Long.toString(1764000000000L + step)))
                    .post(BASE + "/experiment_runs/" + run + "/artifacts")
                    .then()
                    .statusCode(step == 1 ? 201 : 200)
                    .body("experimentRunId", equalTo(run))
                    .body("experimentId", equalTo(exp));
        }
        call().body(Map.of("artifactType", "parameter", "name", "lr", "value", "0.01", "parameterType", "number"))
                .post(BASE + "/experiment_runs/" + run + "/artifacts")
                .then()
                .statusCode(201);

        call().queryParam("artifactType", "metric")
                .get(BASE + "/experiment_runs/" + run + "/artifacts")
                .then()
                .statusCode(200)
                .body("size", equalTo(1))
                .body("items[0].step", equalTo(3));
        List<Integer> steps = call().get(BASE + "/experiment_runs/" + run + "/metric_history")
                .then()
                .statusCode(200)
                .extract()
                .path("items.step");
        assertThat(steps).containsExactly(1, 2, 3);
        List<Integer> chosen = call().queryParam("stepIds", "1,3")
                .queryParam("name", "loss")
                .get(BASE + "/experiment_runs/" + run + "/metric_history")
                .then()
                .statusCode(200)
                .extract()
                .path("items.step");
        assertThat(chosen).containsExactly(1, 3);
    }

    @Test
    void metric_history_across_runs_is_filterable_by_value() {
        String exp = create("/experiments", Map.of("name", unique("exp")));
        String run = create("/experiment_runs", Map.of("name", "r", "experimentId", exp));
        call().body(Map.of("artifactType", "metric", "name", "acc", "value", 0.5, "step", 1))
                .post(BASE + "/experiment_runs/" + run + "/artifacts")
                .then()
                .statusCode(201);
        call().body(Map.of("artifactType", "metric", "name", "acc", "value", 0.97, "step", 2))
                .post(BASE + "/experiment_runs/" + run + "/artifacts")
                .then()
                .statusCode(200);

        List<Integer> high = call().queryParam("filterQuery", "experimentRunId = " + run + " AND value > 0.9")
                .get(BASE + "/experiment_runs/metric_history")
                .then()
                .statusCode(200)
                .extract()
                .path("items.step");
        assertThat(high).containsExactly(2);
    }

    @Test
    void bad_step_ids_name_the_parameter() {
        badCall()
                .queryParam("stepIds", "1;DROP")
                .get(BASE + "/experiment_runs/metric_history")
                .then()
                .statusCode(400)
                .body("field", equalTo("stepIds"));
    }
}
