package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Recorded request bodies (every typed property and every kind of custom value a client sends) go in and come
 * back out unchanged, field by field, through create and get.
 */
@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class FixtureRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_model_its_version_and_artifact_round_trip_unchanged() throws IOException {
        ObjectNode model = fixture("registered-model.json");
        model.put("name", unique("mnist"));
        model.put("externalId", unique("ext"));
        JsonNode storedModel = roundTrip("/registered_models", "/registered_models/", model);

        ObjectNode version = fixture("model-version.json");
        version.put("registeredModelId", storedModel.get("id").asText());
        JsonNode storedVersion = roundTrip("/model_versions", "/model_versions/", version);

        ObjectNode artifact = fixture("model-artifact.json");
        String created = call().body(artifact.toString())
                .post(BASE + "/model_versions/" + storedVersion.get("id").asText() + "/artifacts")
                .then()
                .statusCode(201)
                .extract()
                .asString();
        assertContains(JSON.readTree(created), artifact);
    }

    private static JsonNode roundTrip(String collection, String item, ObjectNode body) throws IOException {
        JsonNode created = JSON.readTree(call().body(body.toString())
                .post(BASE + collection)
                .then()
                .statusCode(201)
                .extract()
                .asString());
        JsonNode read = JSON.readTree(call().get(BASE + item + created.get("id").asText())
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertContains(created, body);
        assertThat(read).isEqualTo(created);
        return read;
    }

    private static void assertContains(JsonNode actual, ObjectNode sent) {
        sent.fields()
                .forEachRemaining(
                        f -> assertThat(actual.get(f.getKey())).as(f.getKey()).isEqualTo(f.getValue()));
    }

    private static ObjectNode fixture(String name) throws IOException {
        try (InputStream in = FixtureRoundTripTest.class.getResourceAsStream("/fixtures/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}
