package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.badCall;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.create;
import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.unique;
import static io.ponte.registry.testing.Api.version;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class ServingApiTest {

    @Test
    void an_inference_service_answers_its_model_and_the_version_it_serves() {
        String model = registeredModel(unique("served"));
        version(model, "v1");
        String v2 = version(model, "v2");
        String env = create("/serving_environments", Map.of("name", unique("ns")));
        String isvc = call().body(Map.of("name", "served", "registeredModelId", model, "servingEnvironmentId", env))
                .post(BASE + "/serving_environments/" + env + "/inference_services")
                .then()
                .statusCode(201)
                .body("desiredState", equalTo("DEPLOYED"))
                .extract()
                .path("id");

        call().get(BASE + "/inference_services/" + isvc + "/model")
                .then()
                .statusCode(200)
                .body("id", equalTo(model));
        call().get(BASE + "/inference_services/" + isvc + "/version")
                .then()
                .statusCode(200)
                .body("id", equalTo(v2));
    }

    @Test
    void a_pinned_version_must_belong_to_the_served_model() {
        String model = registeredModel(unique("a"));
        String foreign = version(registeredModel(unique("b")), "v1");
        String env = create("/serving_environments", Map.of("name", unique("ns")));

        badCall()
                .body(Map.of(
                        "name",
                        "x",
                        "registeredModelId",
                        model,
                        "servingEnvironmentId",
                        env,
                        "modelVersionId",
                        foreign))
                .post(BASE + "/inference_services")
                .then()
                .statusCode(400)
                .body("field", equalTo("modelVersionId"));
    }

    @Test
    void serve_records_hang_off_their_inference_service() {
        String model = registeredModel(unique("s"));
        String v1 = version(model, "v1");
        String env = create("/serving_environments", Map.of("name", unique("ns")));
        String isvc = create(
                "/inference_services",
                Map.of("name", "s", "registeredModelId", model, "servingEnvironmentId", env, "modelVersionId", v1));

        call().body(Map.of("modelVersionId", v1, "lastKnownState", "RUNNING"))
                .post(BASE + "/inference_services/" + isvc + "/serves")
                .then()
                .statusCode(201)
                .body("lastKnownState", equalTo("RUNNING"));
        call().get(BASE + "/inference_services/" + isvc + "/serves")
                .then()
                .statusCode(200)
                .body("size", equalTo(1))
                .body("items[0].modelVersionId", equalTo(v1));
        call().body(Map.of("desiredState", "UNDEPLOYED"))
                .patch(BASE + "/inference_services/" + isvc)
                .then()
                .statusCode(200)
                .body("desiredState", equalTo("UNDEPLOYED"));
    }

    @Test
    void an_inference_service_needs_its_registered_model() {
        String env = create("/serving_environments", Map.of("name", unique("ns")));
        badCall()
                .body(Map.of("name", "x", "servingEnvironmentId", env))
                .post(BASE + "/inference_services")
                .then()
                .statusCode(400)
                .body("field", equalTo("registeredModelId"));
    }
}
