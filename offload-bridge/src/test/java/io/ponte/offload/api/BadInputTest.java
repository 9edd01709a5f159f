package io.ponte.offload.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.ponte.offload.testing.TestPods;
import io.ponte.offload.testing.WireBodies;
import io.ponte.offload.testing.WireFixtures;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every bad request gets a non-200 status and a plain message naming the problem, never a bare 500. */
@QuarkusTest
class BadInputTest {

    @Test
    void malformed_json_is_a_400_saying_where() {
        given().body("{\"pod\": {\"metadata\": ")
                .post("/create")
                .then()
                .statusCode(400)
                .contentType("text/plain")
                .body(allOf(containsString("not valid JSON"), containsString("line 1")));
    }

    @Test
    void an_empty_body_is_a_400() {
        given().body("").post("/create").then().statusCode(400).body(containsString("empty"));
        given().body("").get("/status").then().statusCode(400).body(containsString("empty"));
    }

    @Test
    void a_create_without_a_pod_names_the_missing_field() {
        given().body("{\"container\": []}")
                .post("/create")
                .then()
                .statusCode(400)
                .body(containsString("'pod'"));
    }

    @Test
    void a_pod_without_uid_names_the_missing_field() {
        given().body("{\"pod\": {\"metadata\": {\"name\": \"x\", \"namespace\": \"interlink\"}, \"spec\": {}}}")
                .post("/create")
                .then()
                .statusCode(400)
                .body(containsString("metadata.uid is missing"));
    }

    @Test
    void a_field_of_the_wrong_shape_is_named_without_java_types() {
        given().body("{\"pod\": {\"metadata\": {\"name\": \"x\", \"namespace\": \"interlink\", \"uid\": \"u1\"},"
                        + " \"spec\": {\"containers\": \"not a list\"}}}")
                .post("/create")
                .then()
                .statusCode(400)
                .body(allOf(containsString("pod.spec.containers"), not(containsString("java."))));
    }

    @Test
    void a_pod_without_containers_is_refused() {
        String uid = WireFixtures.uid();
        given().body(WireBodies.create(WireBodies.pod(uid, "empty", List.of())))
                .post("/create")
                .then()
                .statusCode(400)
                .body(containsString("spec.containers"));
    }

    @Test
    void an_image_this_site_lacks_fails_the_pod_at_once_saying_so() {
        Container c = new ContainerBuilder(TestPods.sh("main", "true"))
                .withImage("registry.example/does-not-exist:1")
                .build();
        given().body(WireBodies.create(WireBodies.pod(
                        WireFixtures.uid(),
                        "noimage",
                        List.of(),
                        List.of(c),
                        Map.of("ponte.io/runtime", "bubblewrap"))))
                .post("/create")
                .then()
                .statusCode(422)
                .body(allOf(containsString("does-not-exist:1"), containsString("not available")));
    }

    @Test
    void a_pod_asking_more_than_the_host_has_is_refused_with_the_numbers() {
        Container c = new ContainerBuilder(TestPods.sh("main", "true"))
                .withNewResources()
                .withLimits(Map.of("memory", new Quantity("64Ti")))
                .endResources()
                .build();
        given().body(WireBodies.create(WireBodies.pod(WireFixtures.uid(), "greedy", List.of(c))))
                .post("/create")
                .then()
                .statusCode(422)
                .body(allOf(containsString("MiB of memory"), containsString("offers at most")));
    }

    @Test
    void a_volume_whose_data_was_not_sent_is_named() {
        String uid = WireFixtures.uid();
        String body = WireBodies.create(WireBodies.pod(uid, "novol", List.of(TestPods.sh("main", "true"))))
                .replace(
                        "\"restartPolicy\":\"Never\"",
                        "\"restartPolicy\":\"Never\",\"volumes\":[{\"name\":\"cfg\","
                                + "\"configMap\":{\"name\":\"app-config\"}}]");
        given().body(body)
                .post("/create")
                .then()
                .statusCode(422)
                .body(allOf(containsString("volume cfg"), containsString("configMap app-config")));
    }

    @Test
    void a_leftover_env_reference_that_cannot_be_resolved_is_named() {
        Container c = new ContainerBuilder(TestPods.sh("main", "true"))
                .addNewEnv()
                .withName("PASSWORD")
                .withNewValueFrom()
                .withNewSecretKeyRef("password", "db", false)
                .endValueFrom()
                .endEnv()
                .build();
        given().body(WireBodies.create(WireBodies.pod(WireFixtures.uid(), "noenv", List.of(c))))
                .post("/create")
                .then()
                .statusCode(422)
                .body(allOf(containsString("env PASSWORD"), containsString("secret db")));
    }

    @Test
    void an_unknown_flavor_is_named_with_the_configured_ones() {
        String body = WireBodies.create(WireBodies.pod(
                WireFixtures.uid(),
                "flavor",
                List.of(),
                List.of(TestPods.sh("main", "true")),
                Map.of("slurm-job.vk.io/flavor", "huge")));
        given().body(body).post("/create").then().statusCode(422).body(containsString("flavor 'huge'"));
    }

    @Test
    void status_and_logs_of_an_unknown_uid_are_404_with_a_message() {
        String uid = WireFixtures.uid();
        given().body(WireBodies.statusOf(uid, "ghost"))
                .get("/status")
                .then()
                .statusCode(404)
                .body(containsString(uid));
        given().body(WireBodies.logs(uid, "ghost", "main", "{}"))
                .get("/getLogs")
                .then()
                .statusCode(404)
                .body(containsString(uid));
    }

    @Test
    void delete_of_an_unknown_uid_is_a_200() {
        given().body(WireFixtures.podRef(WireFixtures.uid(), "ghost"))
                .post("/delete")
                .then()
                .statusCode(200);
    }

    @Test
    void a_log_request_without_container_name_says_so() {
        given().body("{\"PodUID\": \"x\", \"Opts\": {}}")
                .get("/getLogs")
                .then()
                .statusCode(400)
                .body(containsString("ContainerName"));
    }

    @Test
    void a_status_request_that_is_not_a_list_is_a_400() {
        given().body("{}").get("/status").then().statusCode(400).body(containsString("array"));
    }

    @Test
    void an_unknown_endpoint_says_what_the_plugin_serves() {
        given().get("/pods").then().statusCode(404).body(containsString("POST /create"));
    }
}
