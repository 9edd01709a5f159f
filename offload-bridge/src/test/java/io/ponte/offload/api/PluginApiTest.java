package io.ponte.offload.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.offload.testing.RawHttp;
import io.ponte.offload.testing.TestPods;
import io.ponte.offload.testing.WireBodies;
import io.ponte.offload.testing.WireFixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The plugin API with bodies shaped like interLink's, over real HTTP on loopback. */
@QuarkusTest
class PluginApiTest {

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "ponte.offload.root")
    Path root;

    @Test
    void a_created_pod_runs_to_success_and_its_logs_are_its_own() {
        String uid = WireFixtures.uid();
        String name = "hello-world-" + uid;
        given().contentType(ContentType.JSON)
                .body(WireFixtures.load("create-request.json", uid))
                .post("/create")
                .then()
                .statusCode(200)
                .body("PodUID", equalTo(uid));

        JsonPath status = awaitTerminated(uid, name);

        assertThat(status.getString("[0].name")).isEqualTo(name);
        assertThat(status.getString("[0].namespace")).isEqualTo("interlink");
        assertThat(status.getString("[0].JID")).isNotBlank();
        assertThat(status.getInt("[0].containers[0].state.terminated.exitCode")).isZero();
        assertThat(status.getString("[0].containers[0].state.terminated.reason"))
                .isEqualTo("Completed");
        assertThat(status.getString("[0].containers[0].state.terminated.startedAt"))
                .matches("\\d{4}-.*Z");
        assertThat(given().contentType(ContentType.JSON)
                        .body(WireBodies.logs(uid, name, "hello-world", "{}"))
                        .get("/getLogs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo("hello world\nsecond line\n");
    }

    @Test
    void projected_volume_files_keep_their_newlines_byte_for_byte() throws Exception {
        String uid = WireFixtures.uid();
        given().contentType(ContentType.JSON)
                .body(WireFixtures.load("create-request.json", uid))
                .post("/create")
                .then()
                .statusCode(200);

        Path volume = root.resolve("interlink-" + uid).resolve("volumes").resolve("kube-api-access-x7k2p");
        String caCrt = new String(Files.readAllBytes(volume.resolve("ca.crt")), StandardCharsets.UTF_8);
        assertThat(caCrt)
                .startsWith("-----BEGIN CERTIFICATE-----\nMIIBdzCCAR2g")
                .endsWith("-----END CERTIFICATE-----\n")
                .hasLineCount(4);
        assertThat(Files.readString(volume.resolve("namespace"))).isEqualTo("interlink");
        assertThat(Integer.toOctalString(Files.getPosixFilePermissions(volume.resolve("token")).stream()
                        .mapToInt(p -> 1 << (8 - p.ordinal()))
                        .sum()))
                .isEqualTo("644");
    }

    @Test
    void create_is_idempotent_per_pod_uid() {
        String uid = WireFixtures.uid();
        String body = WireBodies.create(WireBodies.pod(uid, "twice", List.of(TestPods.sh("main", "sleep 1"))));

        String first = given().body(body)
                .post("/create")
                .then()
                .statusCode(200)
                .extract()
                .path("PodJID");
        String second = given().body(body)
                .post("/create")
                .then()
                .statusCode(200)
                .extract()
                .path("PodJID");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void answers_a_ping_with_an_empty_list_when_no_resources_are_advertised() {
        given().body("[]").get("/status").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void accepts_a_get_with_a_json_body_from_a_plain_http_client() {
        String uid = WireFixtures.uid();
        given().body(WireBodies.create(WireBodies.pod(uid, "plain", List.of(TestPods.sh("main", "echo plain")))))
                .post("/create")
                .then()
                .statusCode(200);
        awaitTerminated(uid, "plain");

        HttpResponse<String> status = RawHttp.get(base.resolve("/status"), WireBodies.statusOf(uid, "plain"));
        HttpResponse<String> logs =
                RawHttp.get(base.resolve("/getLogs"), WireBodies.logs(uid, "plain", "main", "{\"Tail\":0}"));

        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"UID\":\"" + uid + "\"").contains("\"exitCode\":0");
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat(logs.body()).isEqualTo("plain\n");
    }

    @Test
    void lists_every_container_and_init_container_of_a_running_pod() {
        String uid = WireFixtures.uid();
        given().body(WireBodies.create(WireBodies.pod(
                        uid,
                        "running",
                        List.of(TestPods.sh("setup", "true")),
                        List.of(TestPods.sh("a", "sleep 30"), TestPods.sh("b", "sleep 30")),
                        java.util.Map.of())))
                .post("/create")
                .then()
                .statusCode(200);

        JsonPath status = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().body(WireBodies.statusOf(uid, "running"))
                                .get("/status")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        s -> s.get("[0].containers[1].state.running") != null);

        assertThat(status.getList("[0].initContainers.name")).containsExactly("setup");
        assertThat(status.getInt("[0].initContainers[0].state.terminated.exitCode"))
                .isZero();
        assertThat(status.getList("[0].containers.name")).containsExactly("a", "b");
        assertThat(status.getString("[0].containers[0].state.running.startedAt"))
                .isNotBlank();

        given().body(WireFixtures.podRef(uid, "running")).post("/delete").then().statusCode(200);
        given().body(WireBodies.statusOf(uid, "running")).get("/status").then().statusCode(404);
    }

    static JsonPath awaitTerminated(String uid, String name) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().contentType(ContentType.JSON)
                                .body(WireBodies.statusOf(uid, name))
                                .get("/status")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        s -> s.getList("[0].containers").stream()
                                .allMatch(c -> ((java.util.Map<?, ?>) ((java.util.Map<?, ?>) c).get("state"))
                                        .containsKey("terminated")));
    }
}
