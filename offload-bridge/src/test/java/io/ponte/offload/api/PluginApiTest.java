package io.ponte.offload.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.offload.testing.WireFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PluginApiTest {

    @Test
    void a_created_pod_runs_succeeds_and_its_logs_are_its_own() {
        String uid = WireFixtures.uid();
        given().contentType(ContentType.JSON)
                .body(WireFixtures.load("create-request.json", uid))
                .post("/create")
                .then()
                .statusCode(200)
                .body("PodUID", equalTo(uid));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath status = given().contentType(ContentType.JSON)
                    .body("[" + WireFixtures.podRef(uid, "hello-world-" + uid) + "]")
                    .get("/status")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(status.getString("[0].UID")).isEqualTo(uid);
            assertThat(status.getInt("[0].containers[0].state.terminated.exitCode"))
                    .isZero();
        });

        String logs = given().contentType(ContentType.JSON)
                .body("{\"Namespace\":\"interlink\",\"PodUID\":\"" + uid + "\",\"PodName\":\"hello-world-" + uid
                        + "\",\"ContainerName\":\"hello-world\",\"Opts\":{}}")
                .get("/getLogs")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(logs).isEqualTo("hello world\nsecond line\n");
    }
}
