package io.ponte.registry.api;

import static io.ponte.registry.api.Deploys.artifact;
import static io.ponte.registry.api.Deploys.deploy;
import static io.ponte.registry.api.Deploys.deployable;
import static io.ponte.registry.api.Deploys.undeploy;
import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.unique;
import static io.ponte.registry.testing.Api.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deploy requests the registry refuses, each with a problem that names what to fix, and nothing written. */
@QuarkusTest
@TestProfile(DeployProfile.class)
@QuarkusTestResource(RegistryDatabase.class)
@WithKubernetesTestServer(crud = true)
class DeployErrorsTest {

    @Test
    void an_unknown_placement_is_refused_naming_the_field_and_the_configured_ones() {
        Deploys.Version v = deployable();
        String name = unique("llama");

        deploy(v.versionId(), Map.of("placement", "nowhere", "name", name))
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("type", equalTo("urn:ponte:problem:invalid-request"))
                .body("field", equalTo("placement"))
                .body(
                        "detail",
                        allOf(
                                containsString("unknown placement 'nowhere'"),
                                containsString("leonardo-h100"),
                                containsString("local-cpu")));
        Deploys.assertNoRecord(name);
    }

    @Test
    void a_version_without_a_model_artifact_cannot_be_deployed() {
        String versionId = version(registeredModel(unique("bare")), "v1");

        deploy(versionId, Map.of("placement", "leonardo-h100"))
                .statusCode(404)
                .body("detail", containsString("has no model artifact"));
    }

    @Test
    void an_artifact_without_a_format_is_refused_naming_the_field() {
        String versionId = version(registeredModel(unique("formatless")), "v1");
        artifact(versionId, Map.of("uri", "s3://models/formatless"));

        deploy(versionId, Map.of("placement", "leonardo-h100"))
                .statusCode(400)
                .body("field", equalTo("modelFormatName"))
                .body("detail", containsString("no modelFormatName"));
    }

    @Test
    void an_artifact_without_a_uri_is_refused_naming_the_field() {
        String versionId = version(registeredModel(unique("nowhere")), "v1");
        artifact(versionId, Map.of("modelFormatName", "onnx"));

        deploy(versionId, Map.of("placement", "leonardo-h100")).statusCode(400).body("field", equalTo("uri"));
    }

    @Test
    void an_unknown_version_is_not_found() {
        deploy("987654321", Map.of("placement", "leonardo-h100"))
                .statusCode(404)
                .body("detail", containsString("987654321"));
    }

    @Test
    void malformed_requests_are_refused_naming_the_field() {
        Deploys.Version v = deployable();

        deploy(v.versionId(), Map.of("placement", "leonardo-h100", "replicas", 2))
                .statusCode(400)
                .body("field", equalTo("replicas"));
        deploy(v.versionId(), Map.of("name", "llama")).statusCode(400).body("field", equalTo("placement"));
        deploy(v.versionId(), Map.of("placement", "leonardo-h100", "minReplicas", "one"))
                .statusCode(400)
                .body("field", equalTo("minReplicas"));
        deploy(v.versionId(), Map.of("placement", "leonardo-h100", "minReplicas", 3, "maxReplicas", 2))
                .statusCode(400)
                .body("field", equalTo("maxReplicas"));
        deploy(v.versionId(), Map.of("placement", "leonardo-h100", "name", "Llama_V1"))
                .statusCode(400)
                .body("field", equalTo("name"));
        deploy(v.versionId(), Map.of("placement", "leonardo-h100", "namespace", "ML"))
                .statusCode(400)
                .body("field", equalTo("namespace"));
        given().contentType(ContentType.JSON)
                .body("{\"placement\": ")
                .post(Deploys.PONTE + "/model_versions/" + v.versionId() + "/deploy")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:ponte:problem:invalid-json"));
        deploy("seven", Map.of("placement", "leonardo-h100")).statusCode(400).body("field", equalTo("modelversionId"));
    }

    @Test
    void undeploying_an_unknown_inference_service_is_not_found() {
        undeploy("987654321").statusCode(404);
    }
}
