package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.unique;
import static io.ponte.registry.testing.Api.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aliases, {@code model-registry://} resolution and events: Ponte's additions, outside the Kubeflow contract. */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class PonteExtensionsTest {

    private static final String PONTE = "/api/ponte/v1";

    @Test
    void an_alias_follows_the_version_it_is_moved_to() {
        String model = registeredModel(unique("aliased"));
        String v1 = version(model, "v1");
        String v2 = version(model, "v2");

        ponte().body(Map.of("modelVersionId", v1))
                .put(PONTE + "/registered_models/" + model + "/aliases/champion")
                .then()
                .statusCode(200)
                .body("id", equalTo(v1));
        ponte().get(PONTE + "/registered_models/" + model + "/aliases/champion")
                .then()
                .body("name", equalTo("v1"));
        ponte().body(Map.of("modelVersionId", v2))
                .put(PONTE + "/registered_models/" + model + "/aliases/champion")
                .then()
                .statusCode(200);
        ponte().get(PONTE + "/registered_models/" + model + "/aliases").then().body("aliases.champion", equalTo(v2));
        ponte().delete(PONTE + "/registered_models/" + model + "/aliases/champion")
                .then()
                .statusCode(204);
        ponte().get(PONTE + "/registered_models/" + model + "/aliases/champion")
                .then()
                .statusCode(404);
    }

    @Test
    void an_alias_cannot_point_at_another_models_version() {
        String model = registeredModel(unique("mine"));
        String foreign = version(registeredModel(unique("theirs")), "v1");

        ponte().body(Map.of("modelVersionId", foreign))
                .put(PONTE + "/registered_models/" + model + "/aliases/staging")
                .then()
                .statusCode(400)
                .body("field", equalTo("modelVersionId"));
        ponte().body(Map.of("modelVersionId", foreign))
                .put(PONTE + "/registered_models/" + model + "/aliases/Not An Alias")
                .then()
                .statusCode(400)
                .body("field", equalTo("alias"));
    }

    @Test
    void model_registry_uris_resolve_to_the_artifact_uri() {
        String name = unique("resolvable");
        String model = registeredModel(name);
        String v1 = version(model, "v1");
        String v2 = version(model, "v2");
        artifact(v1, "s3://models/" + name + "/1/");
        artifact(v2, "s3://models/" + name + "/2/");
        ponte().body(Map.of("modelVersionId", v1))
                .put(PONTE + "/registered_models/" + model + "/aliases/champion")
                .then()
                .statusCode(200);

        resolve("model-registry://" + name + "/v2").body("uri", equalTo("s3://models/" + name + "/2/"));
        resolve("model-registry://" + name + "@champion").body("uri", equalTo("s3://models/" + name + "/1/"));
        resolve("model-registry://" + name).body("modelVersionId", equalTo(v2));
        resolve("model-registry://registry.example:8080/" + name + "/v1").body("modelVersionId", equalTo(v1));
        ponte().queryParam("uri", "s3://not-ours")
                .get(PONTE + "/resolve")
                .then()
                .statusCode(400);
        ponte().queryParam("uri", "model-registry://" + name + "/v9")
                .get(PONTE + "/resolve")
                .then()
                .statusCode(404);
    }

    @Test
    void registering_a_version_publishes_an_event() {
        String model = registeredModel(unique("evented"));
        String v = version(model, "v1");

        ponte().get(PONTE + "/events")
                .then()
                .statusCode(200)
                .body(containsString("\"modelVersionId\":" + v))
                .body(containsString("MODEL_VERSION_REGISTERED"));
    }

    private static void artifact(String version, String uri) {
        call().body(Map.of("artifactType", "model-artifact", "name", "weights", "uri", uri, "modelFormatName", "onnx"))
                .post(BASE + "/model_versions/" + version + "/artifacts")
                .then()
                .statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse resolve(String uri) {
        return ponte().queryParam("uri", uri).get(PONTE + "/resolve").then().statusCode(200);
    }

    private static RequestSpecification ponte() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
