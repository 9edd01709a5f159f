package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.unique;
import static io.ponte.registry.testing.Api.version;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;

/** Registering deployable versions and calling the deploy endpoints, for the deploy tests. */
final class Deploys {

    static final String PONTE = "/api/ponte/v1";

    private Deploys() {}

    /** A registered model with one version. */
    record Version(String modelId, String modelName, String versionId, String versionName, String storageUri) {}

    /** A new model with version {@code v1} whose model artifact holds a HuggingFace model. */
    static Version deployable() {
        return deployable(registeredModel(unique("llama")), "v1");
    }

    /** A new version of {@code modelId} whose model artifact holds a HuggingFace model. */
    static Version deployable(String modelId, String versionName) {
        String modelName = call().get(BASE + "/registered_models/" + modelId)
                .then()
                .statusCode(200)
                .extract()
                .path("name");
        String versionId = version(modelId, versionName);
        String uri = "s3://models/" + modelName + "/" + versionName;
        artifact(versionId, Map.of("uri", uri, "modelFormatName", "huggingface", "modelFormatVersion", "1"));
        return new Version(modelId, modelName, versionId, versionName, uri);
    }

    /** Attaches a model artifact with {@code fields} to a version. */
    static void artifact(String versionId, Map<String, String> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("artifactType", "model-artifact");
        body.put("name", "weights");
        call().body(body)
                .post(BASE + "/model_versions/" + versionId + "/artifacts")
                .then()
                .statusCode(201);
    }

    /** No InferenceService record of that name exists, in any serving environment. */
    static void assertNoRecord(String name) {
        call().queryParam("name", name).get(BASE + "/inference_service").then().statusCode(404);
    }

    static ValidatableResponse deploy(String versionId, Map<String, ?> body) {
        return given().contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body(body)
                .post(PONTE + "/model_versions/" + versionId + "/deploy")
                .then();
    }

    static ValidatableResponse undeploy(String inferenceServiceId) {
        return given().accept(ContentType.JSON)
                .post(PONTE + "/inference_services/" + inferenceServiceId + "/undeploy")
                .then();
    }
}
