package io.ponte.offload.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.ponte.offload.testing.TestPods;
import io.ponte.offload.testing.WireBodies;
import io.ponte.offload.testing.WireFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin API on the slurm backend: a pod through sbatch, and the ping from the partition. */
@QuarkusTest
@TestProfile(SlurmProfile.class)
class SlurmApiTest {

    @Test
    void a_pod_runs_as_a_slurm_job_and_its_logs_are_its_own() {
        String uid = WireFixtures.uid();
        String jobId = given().body(WireFixtures.load("create-request.json", uid))
                .post("/create")
                .then()
                .statusCode(200)
                .extract()
                .path("PodJID");
        assertThat(jobId).matches("\\d+");

        JsonPath status = PluginApiTest.awaitTerminated(uid, "hello-world-" + uid);

        assertThat(status.getString("[0].JID")).isEqualTo(jobId);
        assertThat(status.getInt("[0].containers[0].state.terminated.exitCode")).isZero();
        assertThat(given().body(WireBodies.logs(uid, "hello-world-" + uid, "hello-world", "{}"))
                        .get("/getLogs")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .isEqualTo("hello world\nsecond line\n");
    }

    @Test
    void the_ping_advertises_what_the_partition_has() {
        given().body("[]")
                .get("/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("ok"))
                .body("resources.cpu", notNullValue())
                .body("resources.memory", org.hamcrest.Matchers.endsWith("Mi"));
    }

    @Test
    void a_pod_asking_more_than_the_partition_has_is_refused_with_the_numbers() {
        var c = new io.fabric8.kubernetes.api.model.ContainerBuilder(TestPods.sh("main", "true"))
                .withNewResources()
                .withLimits(java.util.Map.of("cpu", new io.fabric8.kubernetes.api.model.Quantity("512")))
                .endResources()
                .build();
        given().body(WireBodies.create(WireBodies.pod(WireFixtures.uid(), "greedy", List.of(c))))
                .post("/create")
                .then()
                .statusCode(422)
                .body(org.hamcrest.Matchers.containsString("Slurm partition"));
    }
}
