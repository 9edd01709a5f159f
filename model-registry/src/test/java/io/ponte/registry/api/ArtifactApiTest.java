package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.badCall;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.unique;
import static io.ponte.registry.testing.Api.version;
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
class ArtifactApiTest {

    @Test
    void upserting_the_same_artifact_name_under_a_version_updates_it() {
        String v = version(registeredModel(unique("m")), "v1");
        String id = call().body(Map.of(
                        "artifactType", "model-artifact",
                        "name", "weights",
                        "uri", "s3://models/m/v1/",
                        "modelFormatName", "onnx"))
                .post(BASE + "/model_versions/" + v + "/artifacts")
                .then()
                .statusCode(201)
                .body("artifactType", equalTo("model-artifact"))
                .extract()
                .path("id");

        call().body(Map.of("artifactType", "model-artifact", "name", "weights", "uri", "s3://models/m/v1b/"))
                .post(BASE + "/model_versions/" + v + "/artifacts")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("uri", equalTo("s3://models/m/v1b/"))
                .body("modelFormatName", equalTo("onnx"));
        call().get(BASE + "/model_versions/" + v + "/artifacts")
                .then()
                .statusCode(200)
                .body("size", equalTo(1));
    }

    @Test
    void the_polymorphic_artifacts_endpoint_keeps_each_type_and_filters_by_type() {
        String tag = unique("poly");
        call().body(Map.of("artifactType", "doc-artifact", "name", tag + "-doc", "uri", "https://docs/x"))
                .post(BASE + "/artifacts")
                .then()
                .statusCode(201);
        call().body(Map.of("artifactType", "dataset-artifact", "name", tag + "-data", "digest", "sha256:ab"))
                .post(BASE + "/artifacts")
                .then()
                .statusCode(201)
                .body("digest", equalTo("sha256:ab"));

        List<String> docs = call().queryParam("artifactType", "doc-artifact")
                .queryParam("filterQuery", "name LIKE '" + tag + "%'")
                .get(BASE + "/artifacts")
                .then()
                .statusCode(200)
                .extract()
                .path("items.name");
        assertThat(docs).containsExactly(tag + "-doc");
    }

    @Test
    void an_artifact_without_a_known_type_is_refused_naming_artifactType() {
        badCall()
                .body(Map.of("artifactType", "weights", "name", unique("x")))
                .post(BASE + "/artifacts")
                .then()
                .statusCode(400)
                .body("field", equalTo("artifactType"));
        badCall()
                .body(Map.of("name", unique("x")))
                .post(BASE + "/artifacts")
                .then()
                .statusCode(400)
                .body("field", equalTo("artifactType"));
    }

    @Test
    void lineage_fields_are_stored_and_queryable() {
        String v = version(registeredModel(unique("lineage")), "v1");
        String run = unique("run");
        call().body(Map.of(
                        "artifactType", "model-artifact",
                        "name", "model",
                        "uri", "s3://models/l/",
                        "modelSourceKind", "kfp",
                        "modelSourceClass", "pipelinerun",
                        "modelSourceGroup", "ml-team",
                        "modelSourceId", run,
                        "modelSourceName", "train-mlp"))
                .post(BASE + "/model_versions/" + v + "/artifacts")
                .then()
                .statusCode(201);

        call().queryParam("filterQuery", "modelSourceKind = 'kfp' AND modelSourceId = '" + run + "'")
                .get(BASE + "/model_artifacts")
                .then()
                .statusCode(200)
                .body("size", equalTo(1))
                .body("items[0].modelSourceName", equalTo("train-mlp"));
    }

    @Test
    void patching_an_artifact_cannot_change_its_type_or_name() {
        String id = call().body(Map.of("artifactType", "model-artifact", "name", unique("ma"), "uri", "s3://a"))
                .post(BASE + "/model_artifacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        call().body(Map.of("artifactType", "model-artifact", "state", "LIVE"))
                .patch(BASE + "/artifacts/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("LIVE"));
        badCall()
                .body(Map.of("artifactType", "doc-artifact"))
                .patch(BASE + "/artifacts/" + id)
                .then()
                .statusCode(400)
                .body("field", equalTo("artifactType"));
        badCall()
                .body(Map.of("name", "renamed"))
                .patch(BASE + "/model_artifacts/" + id)
                .then()
                .statusCode(400)
                .body("field", equalTo("name"));
    }

    @Test
    void find_an_artifact_by_name_within_its_version() {
        String v1 = version(registeredModel(unique("f")), "v1");
        String v2 = version(registeredModel(unique("g")), "v1");
        String a1 = call().body(Map.of("artifactType", "model-artifact", "name", "weights", "uri", "s3://1"))
                .post(BASE + "/model_versions/" + v1 + "/artifacts")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        call().body(Map.of("artifactType", "model-artifact", "name", "weights", "uri", "s3://2"))
                .post(BASE + "/model_versions/" + v2 + "/artifacts")
                .then()
                .statusCode(201);

        call().queryParam("name", "weights")
                .queryParam("parentResourceId", v1)
                .get(BASE + "/model_artifact")
                .then()
                .statusCode(200)
                .body("id", equalTo(a1));
    }
}
