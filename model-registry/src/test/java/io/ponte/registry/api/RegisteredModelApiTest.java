package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.badCall;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.stringProp;
import static io.ponte.registry.testing.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RegistryDatabase.class)
class RegisteredModelApiTest {

    @Test
    void a_created_model_reads_back_with_server_fields_and_typed_properties() {
        String name = unique("resnet");
        String id = call().body(Map.of(
                        "name",
                        name,
                        "description",
                        "image classifier",
                        "owner",
                        "ml-team",
                        "language",
                        List.of("en", "it"),
                        "customProperties",
                        Map.of("framework", stringProp("pytorch"))))
                .post(BASE + "/registered_models")
                .then()
                .statusCode(201)
                .body("state", equalTo("LIVE"))
                .body("createTimeSinceEpoch", notNullValue())
                .extract()
                .path("id");

        call().get(BASE + "/registered_models/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("owner", equalTo("ml-team"))
                .body("language", equalTo(List.of("en", "it")))
                .body("customProperties.framework.string_value", equalTo("pytorch"));
    }

    @Test
    void patch_changes_only_what_it_names_and_archives_instead_of_deleting() {
        String id = registeredModel(unique("m"));

        call().body(Map.of("description", "v2 docs"))
                .patch(BASE + "/registered_models/" + id)
                .then()
                .statusCode(200)
                .body("description", equalTo("v2 docs"))
                .body("state", equalTo("LIVE"));
        call().body(Map.of("state", "ARCHIVED"))
                .patch(BASE + "/registered_models/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("ARCHIVED"))
                .body("description", equalTo("v2 docs"));
    }

    @Test
    void a_taken_name_is_a_conflict_naming_the_field() {
        String name = unique("dup");
        registeredModel(name);

        call().body(Map.of("name", name))
                .post(BASE + "/registered_models")
                .then()
                .statusCode(409)
                .body("field", equalTo("name"))
                .body("message", org.hamcrest.Matchers.containsString(name));
    }

    @Test
    void find_by_name_and_by_external_id() {
        String name = unique("findme");
        String ext = unique("ext");
        String id = call().body(Map.of("name", name, "externalId", ext))
                .post(BASE + "/registered_models")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        call().queryParam("name", name)
                .get(BASE + "/registered_model")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        call().queryParam("externalId", ext)
                .get(BASE + "/registered_model")
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
        call().queryParam("name", unique("nobody"))
                .get(BASE + "/registered_model")
                .then()
                .statusCode(404);
    }

    @Test
    void versions_live_under_their_model_and_are_listed_there() {
        String model = registeredModel(unique("parent"));
        String other = registeredModel(unique("other"));
        call().body(Map.of("name", "v1", "registeredModelId", model))
                .post(BASE + "/registered_models/" + model + "/versions")
                .then()
                .statusCode(201)
                .body("registeredModelId", equalTo(model));
        call().body(Map.of("name", "v2", "registeredModelId", model))
                .post(BASE + "/model_versions")
                .then()
                .statusCode(201);
        call().body(Map.of("name", "v1", "registeredModelId", other))
                .post(BASE + "/model_versions")
                .then()
                .statusCode(201);

        List<String> names = call().get(BASE + "/registered_models/" + model + "/versions")
                .then()
                .statusCode(200)
                .body("size", equalTo(2))
                .extract()
                .path("items.name");
        assertThat(names).containsExactly("v1", "v2");
    }

    @Test
    void a_version_names_a_model_that_exists() {
        badCall()
                .body(Map.of("name", "v1", "registeredModelId", "999999999"))
                .post(BASE + "/model_versions")
                .then()
                .statusCode(400)
                .body("field", equalTo("registeredModelId"))
                .body("message", org.hamcrest.Matchers.containsString("999999999"));
        badCall()
                .body(Map.of("name", "v1"))
                .post(BASE + "/registered_models/999999998/versions")
                .then()
                .statusCode(404);
    }

    @Test
    void unknown_and_mistyped_fields_are_refused_by_name() {
        badCall()
                .body(Map.of("name", unique("x"), "colour", "red"))
                .post(BASE + "/registered_models")
                .then()
                .statusCode(400)
                .body("field", equalTo("colour"));
        badCall()
                .body(Map.of("name", unique("x"), "language", "en"))
                .post(BASE + "/registered_models")
                .then()
                .statusCode(400)
                .body("field", equalTo("language"));
        badCall()
                .body(Map.of("name", unique("x"), "state", "DELETED"))
                .post(BASE + "/registered_models")
                .then()
                .statusCode(400)
                .body("field", equalTo("state"));
        badCall()
                .body(Map.of("name", unique("x"), "customProperties", Map.of("k".repeat(300), stringProp("v"))))
                .post(BASE + "/registered_models")
                .then()
                .statusCode(400)
                .body("field", equalTo("customProperties"));
        badCall()
                .body(Map.of("description", "no name"))
                .post(BASE + "/registered_models")
                .then()
                .statusCode(400)
                .body("field", equalTo("name"));
    }

    @Test
    void malformed_json_is_a_400_not_a_500() {
        badCall()
                .body("{\"name\": ")
                .post(BASE + "/registered_models")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-json"));
    }

    @Test
    void paging_walks_every_model_once() {
        String tag = unique("page");
        for (int i = 0; i < 7; i++) {
            call().body(Map.of("name", tag + "-" + i, "customProperties", Map.of("batch", stringProp(tag))))
                    .post(BASE + "/registered_models")
                    .then()
                    .statusCode(201);
        }
        String filter = "batch = '" + tag + "'";
        var first = call().queryParam("filterQuery", filter)
                .queryParam("pageSize", "3")
                .get(BASE + "/registered_models")
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .extract();
        String token = first.path("nextPageToken");
        assertThat(token).isNotEmpty();
        var second = call().queryParam("filterQuery", filter)
                .queryParam("pageSize", "3")
                .queryParam("nextPageToken", token)
                .get(BASE + "/registered_models")
                .then()
                .statusCode(200)
                .extract();
        var third = call().queryParam("filterQuery", filter)
                .queryParam("pageSize", "3")
                .queryParam("nextPageToken", (String) second.path("nextPageToken"))
                .get(BASE + "/registered_models")
                .then()
                .statusCode(200)
                .body("nextPageToken", equalTo(""))
                .extract();
        List<String> seen = new java.util.ArrayList<>();
        seen.addAll(first.path("items.name"));
        seen.addAll(second.path("items.name"));
        seen.addAll(third.path("items.name"));
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    }
}
