package io.ponte.registry.api;

import static io.ponte.registry.api.Deploys.deploy;
import static io.ponte.registry.api.Deploys.deployable;
import static io.ponte.registry.api.Deploys.undeploy;
import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.badCall;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.create;
import static io.ponte.registry.testing.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no Kubernetes API answering, the registry starts, refuses deploys with a 503 and writes nothing. */
@QuarkusTest
@TestProfile(DeployWithoutClusterProfile.class)
@QuarkusTestResource(RegistryDatabase.class)
class DeployWithoutClusterTest {

    @Test
    void deploy_is_unavailable_and_leaves_no_record_behind() {
        Deploys.Version v = deployable();
        String namespace = unique("team");
        String name = unique("llama");

        deploy(v.versionId(), Map.of("placement", "leonardo-h100", "namespace", namespace, "name", name))
                .statusCode(503)
                .body("type", equalTo("urn:ponte:problem:unavailable"))
                .body("detail", containsString("did not answer"));

        Deploys.assertNoRecord(name);
        badCall()
                .queryParam("name", namespace)
                .get(BASE + "/serving_environment")
                .then()
                .statusCode(404);
    }

    @Test
    void undeploy_is_unavailable_and_leaves_the_record_as_it_was() {
        Deploys.Version v = deployable();
        String env = create("/serving_environments", Map.of("name", unique("team")));
        String record = create(
                "/serving_environments/" + env + "/inference_services",
                Map.of(
                        "name",
                        unique("llama"),
                        "registeredModelId",
                        v.modelId(),
                        "modelVersionId",
                        v.versionId(),
                        "servingEnvironmentId",
                        env,
                        "desiredState",
                        "DEPLOYED"));

        undeploy(record).statusCode(503).body("type", equalTo("urn:ponte:problem:unavailable"));

        call().get(BASE + "/inference_services/" + record)
                .then()
                .statusCode(200)
                .body("desiredState", equalTo("DEPLOYED"));
    }
}
