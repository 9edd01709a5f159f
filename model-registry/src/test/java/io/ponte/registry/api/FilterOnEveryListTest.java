package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.badCall;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.create;
import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.stringProp;
import static io.ponte.registry.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Upstream registries ignore {@code filterQuery} on some list endpoints. Here each list endpoint gets two
 * entities, one marked with a custom property, and the filter must return exactly the marked one.
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class FilterOnEveryListTest {

    private final Map<String, String> lists = new HashMap<>();
    private String tag;

    @BeforeEach
    void two_of_everything_one_marked() {
        tag = unique("mark");
        Map<String, Object> marked = Map.of("mark", stringProp(tag));
        String model = create("/registered_models", Map.of("name", unique("m"), "customProperties", marked));
        registeredModel(unique("m"));
        String version = create(
                "/model_versions", Map.of("name", "marked", "registeredModelId", model, "customProperties", marked));
        create("/model_versions", Map.of("name", "plain", "registeredModelId", model));
        call().body(Map.of("artifactType", "model-artifact", "name", "a1", "uri", "s3://x", "customProperties", marked))
                .post(BASE + "/model_versions/" + version + "/artifacts")
                .then()
                .statusCode(201);
        call().body(Map.of("artifactType", "doc-artifact", "name", "a2", "uri", "s3://y"))
                .post(BASE + "/model_versions/" + version + "/artifacts")
                .then()
                .statusCode(201);
        String env = create("/serving_environments", Map.of("name", unique("env"), "customProperties", marked));
        create("/serving_environments", Map.of("name", unique("env")));
        String isvc = create(
                "/inference_services",
                Map.of(
                        "name", "i1",
                        "registeredModelId", model,
                        "servingEnvironmentId", env,
                        "customProperties", marked));
        create("/inference_services", Map.of("name", "i2", "registeredModelId", model, "servingEnvironmentId", env));
        create(
                "/inference_services/" + isvc + "/serves",
                Map.of("modelVersionId", version, "customProperties", marked));
        create("/inference_services/" + isvc + "/serves", Map.of("modelVersionId", version));
        String exp = create("/experiments", Map.of("name", unique("exp"), "customProperties", marked));
        create("/experiments", Map.of("name", unique("exp")));
        String run = create("/experiment_runs", Map.of("name", "r1", "experimentId", exp, "customProperties", marked));
        create("/experiment_runs", Map.of("name", "r2", "experimentId", exp));
        call().body(Map.of("artifactType", "metric", "name", "loss", "value", 0.1, "customProperties", marked))
                .post(BASE + "/experiment_runs/" + run + "/artifacts")
                .then()
                .statusCode(201);
        call().body(Map.of("artifactType", "metric", "name", "acc", "value", 0.9))
                .post(BASE + "/experiment_runs/" + run + "/artifacts")
                .then()
                .statusCode(201);

        lists.put("registered_models", "/registered_models");
        lists.put("registered_model_versions", "/registered_models/" + model + "/versions");
        lists.put("model_versions", "/model_versions");
        lists.put("model_version_artifacts", "/model_versions/" + version + "/artifacts");
        lists.put("model_artifacts", "/model_artifacts");
        lists.put("artifacts", "/artifacts");
        lists.put("serving_environments", "/serving_environments");
        lists.put("environment_inference_services", "/serving_environments/" + env + "/inference_services");
        lists.put("inference_services", "/inference_services");
        lists.put("serves", "/inference_services/" + isvc + "/serves");
        lists.put("experiments", "/experiments");
        lists.put("experiment_runs", "/experiment_runs");
        lists.put("experiment_experiment_runs", "/experiments/" + exp + "/experiment_runs");
        lists.put("experiment_run_artifacts", "/experiment_runs/" + run + "/artifacts");
        lists.put("run_metric_history", "/experiment_runs/" + run + "/metric_history");
        lists.put("metric_history", "/experiment_runs/metric_history");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "registered_models",
                "registered_model_versions",
                "model_versions",
                "model_version_artifacts",
                "model_artifacts",
                "artifacts",
                "serving_environments",
                "environment_inference_services",
                "inference_services",
                "serves",
                "experiments",
                "experiment_runs",
                "experiment_experiment_runs",
                "experiment_run_artifacts",
                "run_metric_history",
                "metric_history"
            })
    void the_filter_selects_exactly_the_marked_entity(String list) {
        String path = lists.get(list);
        List<Object> all =
                call().get(BASE + path).then().statusCode(200).extract().path("items");
        List<Object> marked = call().queryParam("filterQuery", "mark = '" + tag + "'")
                .get(BASE + path)
                .then()
                .statusCode(200)
                .extract()
                .path("items");

        // /artifacts holds both marked artifacts: the model artifact and the run's metric.
        assertThat(marked).as(list).hasSize(list.equals("artifacts") ? 2 : 1);
        assertThat(all.size()).as(list).isGreaterThan(marked.size());
        badCall()
                .queryParam("filterQuery", "mark = ")
                .get(BASE + path)
                .then()
                .statusCode(400)
                .body("field", equalTo("filterQuery"));
    }
}
