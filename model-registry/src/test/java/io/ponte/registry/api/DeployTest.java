package io.ponte.registry.api;

import static io.ponte.registry.api.Deploys.deploy;
import static io.ponte.registry.api.Deploys.deployable;
import static io.ponte.registry.api.Deploys.undeploy;
import static io.ponte.registry.testing.Api.BASE;
import static io.ponte.registry.testing.Api.call;
import static io.ponte.registry.testing.Api.registeredModel;
import static io.ponte.registry.testing.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ponte.api.kserve.Condition;
import io.ponte.api.kserve.InferenceService;
import io.ponte.api.kserve.InferenceServiceStatus;
import io.ponte.api.kserve.ModelSpec;
import io.ponte.api.kserve.PredictorSpec;
import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Deploying model versions to KServe on the fabric8 mock API server in CRUD mode, and following their status. */
@QuarkusTest
@TestProfile(DeployProfile.class)
@QuarkusTestResource(RegistryDatabase.class)
@WithKubernetesTestServer(crud = true)
class DeployTest {

    private static final String NS = DeployProfile.NAMESPACE;

    @Inject
    KubernetesClient kubernetes;

    @Test
    void a_version_becomes_an_inference_service_on_the_interlink_placement() {
        Deploys.Version v = deployable();
        String name = unique("llama");

        JsonPath answer = deploy(
                        v.versionId(),
                        Map.of(
                                "placement",
                                "leonardo-h100",
                                "name",
                                name,
                                "runtime",
                                "kserve-huggingfaceserver",
                                "minReplicas",
                                1,
                                "maxReplicas",
                                2))
                .statusCode(201)
                .body("kserve.name", equalTo(name))
                .body("kserve.namespace", equalTo(NS))
                .body("kserve.manifest.spec.predictor.model.storageUri", equalTo(v.storageUri()))
                .body("inferenceService.desiredState", equalTo("DEPLOYED"))
                .extract()
                .jsonPath();
        String recordId = answer.getString("inferenceService.id");

        InferenceService isvc = isvc(NS, name);
        assertThat(isvc).as("the InferenceService on the API server").isNotNull();
        PredictorSpec predictor = isvc.getSpec().predictor();
        ModelSpec model = predictor.model();
        assertThat(model.storageUri()).isEqualTo(v.storageUri());
        assertThat(model.modelFormat().name()).isEqualTo("huggingface");
        assertThat(model.modelFormat().version()).isEqualTo("1");
        assertThat(model.runtime()).isEqualTo("kserve-huggingfaceserver");
        assertThat(predictor.nodeSelector()).isEqualTo(Map.of("kubernetes.io/hostname", "leonardo-vk"));
        assertThat(predictor.tolerations())
                .extracting(Toleration::getKey, Toleration::getOperator, Toleration::getEffect)
                .containsExactly(tuple("virtual-node.interlink/no-schedule", "Exists", "NoSchedule"));
        assertThat(predictor.minReplicas()).isEqualTo(1);
        assertThat(predictor.maxReplicas()).isEqualTo(2);
        assertThat(model.resources().getLimits())
                .containsEntry("nvidia.com/gpu", new Quantity("1"))
                .containsEntry("memory", new Quantity("64Gi"))
                .containsEntry("cpu", new Quantity("8"));
        assertThat(model.resources().getRequests())
                .containsEntry("memory", new Quantity("64Gi"))
                .containsEntry("cpu", new Quantity("8"))
                .doesNotContainKey("nvidia.com/gpu");
        assertThat(isvc.getMetadata().getAnnotations())
                .containsEntry("slurm-job.vk.io/flags", DeployProfile.SLURM_FLAGS)
                .containsEntry(DeployProfile.PLACEMENT_ANNOTATION, "true");
        assertThat(isvc.getMetadata().getLabels())
                .containsEntry("modelregistry.kubeflow.org/registered-model-id", v.modelId())
                .containsEntry("modelregistry.kubeflow.org/model-version-id", v.versionId())
                .containsEntry("modelregistry.kubeflow.org/inference-service-id", recordId)
                .containsEntry("app.kubernetes.io/managed-by", "ponte-model-registry");

        JsonPath record = record(recordId);
        assertThat(record.getString("name")).isEqualTo(name);
        assertThat(record.getString("desiredState")).isEqualTo("DEPLOYED");
        assertThat(record.getString("modelVersionId")).isEqualTo(v.versionId());
        assertThat(record.getString("registeredModelId")).isEqualTo(v.modelId());
        assertThat(record.getString("runtime")).isEqualTo("kserve-huggingfaceserver");
        call().get(BASE + "/serving_environments/" + record.getString("servingEnvironmentId"))
                .then()
                .statusCode(200)
                .body("name", equalTo(NS));
        awaitEvent("MODEL_VERSION_DEPLOYED", v.versionId());
    }

    @Test
    void without_name_or_runtime_the_name_is_derived_and_the_placement_runtime_used() {
        Deploys.Version v = deployable();

        String name = deploy(v.versionId(), Map.of("placement", "leonardo-h100"))
                .statusCode(201)
                .extract()
                .path("kserve.name");

        assertThat(name).isEqualTo(v.modelName() + "-v1");
        assertThat(isvc(NS, name).getSpec().predictor().model().runtime()).isEqualTo("vllm-runtime");
    }

    @Test
    void a_placement_in_the_cluster_gets_no_interlink_toleration_annotation_or_gpu() {
        Deploys.Version v = deployable();
        String namespace = unique("team");

        String name = deploy(v.versionId(), Map.of("placement", "local-cpu", "namespace", namespace))
                .statusCode(201)
                .extract()
                .path("kserve.name");

        InferenceService isvc = isvc(namespace, name);
        PredictorSpec predictor = isvc.getSpec().predictor();
        assertThat(predictor.tolerations()).isNull();
        assertThat(predictor.nodeSelector()).isNull();
        assertThat(predictor.model().runtime()).isNull();
        assertThat(predictor.model().resources().getLimits()).isEqualTo(Map.of("cpu", new Quantity("2")));
        assertThat(isvc.getMetadata().getAnnotations()).isNullOrEmpty();
    }

    @Test
    void the_record_follows_the_url_and_readiness_kserve_reports() {
        Deploys.Version v = deployable();
        String name = unique("llama");
        String recordId = deploy(v.versionId(), Map.of("placement", "leonardo-h100", "name", name))
                .statusCode(201)
                .extract()
                .path("inferenceService.id");
        String url = "https://" + name + ".ml.example.org";

        setStatus(name, url, new Condition("Ready", "True", null, "2026-01-01T00:00:00Z", null, null, null));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, Object> custom = record(recordId).getMap("customProperties");
            assertThat(custom).containsEntry("kserve.url", stringValue(url));
            assertThat(custom).containsEntry("kserve.ready", boolValue(true));
            assertThat(custom).doesNotContainKey("kserve.message");
        });

        setStatus(
                name,
                url,
                new Condition(
                        "Ready",
                        "False",
                        null,
                        "2026-01-01T00:01:00Z",
                        "PredictorNotReady",
                        "Slurm job pending on boost_usr_prod",
                        null));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, Object> custom = record(recordId).getMap("customProperties");
            assertThat(custom).containsEntry("kserve.ready", boolValue(false));
            assertThat(custom)
                    .containsEntry(
                            "kserve.message", stringValue("PredictorNotReady: Slurm job pending on boost_usr_prod"));
        });
        assertThat(record(recordId).getString("desiredState")).isEqualTo("DEPLOYED");
    }

    @Test
    void undeploy_deletes_the_inference_service_and_marks_the_record_undeployed() {
        Deploys.Version v = deployable();
        String name = unique("llama");
        String recordId = deploy(v.versionId(), Map.of("placement", "leonardo-h100", "name", name))
                .statusCode(201)
                .extract()
                .path("inferenceService.id");

        undeploy(recordId).statusCode(200).body("id", equalTo(recordId)).body("desiredState", equalTo("UNDEPLOYED"));

        assertThat(isvc(NS, name)).isNull();
        assertThat(record(recordId).getString("desiredState")).isEqualTo("UNDEPLOYED");
        awaitEvent("MODEL_VERSION_UNDEPLOYED", v.versionId());
        undeploy(recordId).statusCode(200).body("desiredState", equalTo("UNDEPLOYED"));
    }

    @Test
    void redeploying_another_version_under_the_same_name_updates_the_same_record() {
        Deploys.Version v1 = deployable();
        Deploys.Version v2 = deployable(v1.modelId(), "v2");
        String name = unique("llama");
        String first = deploy(v1.versionId(), Map.of("placement", "leonardo-h100", "name", name))
                .statusCode(201)
                .extract()
                .path("inferenceService.id");

        String second = deploy(v2.versionId(), Map.of("placement", "leonardo-h100", "name", name))
                .statusCode(201)
                .body("inferenceService.modelVersionId", equalTo(v2.versionId()))
                .extract()
                .path("inferenceService.id");

        assertThat(second).isEqualTo(first);
        InferenceService isvc = isvc(NS, name);
        assertThat(isvc.getSpec().predictor().model().storageUri()).isEqualTo(v2.storageUri());
        assertThat(isvc.getMetadata().getLabels())
                .containsEntry("modelregistry.kubeflow.org/model-version-id", v2.versionId())
                .containsEntry("modelregistry.kubeflow.org/inference-service-id", first);
        assertThat(record(first).getString("modelVersionId")).isEqualTo(v2.versionId());
        call().queryParam("name", name)
                .get(BASE + "/inference_service")
                .then()
                .statusCode(200)
                .body("id", equalTo(first));
    }

    @Test
    void a_version_of_another_model_cannot_take_over_a_deployed_name() {
        Deploys.Version mine = deployable();
        Deploys.Version theirs = deployable(registeredModel(unique("mistral")), "v1");
        String name = unique("llama");
        deploy(mine.versionId(), Map.of("placement", "leonardo-h100", "name", name))
                .statusCode(201);

        deploy(theirs.versionId(), Map.of("placement", "leonardo-h100", "name", name))
                .statusCode(409)
                .body("field", equalTo("name"));

        assertThat(isvc(NS, name).getSpec().predictor().model().storageUri()).isEqualTo(mine.storageUri());
    }

    @Test
    void an_inference_service_the_registry_did_not_deploy_is_left_alone() {
        Deploys.Version v = deployable();
        String name = unique("foreign");
        kubernetes
                .resource(InferenceService.of(
                        NS, name, PredictorSpec.of(ModelSpec.of("onnx", "s3://someone-else/model"))))
                .create();

        deploy(v.versionId(), Map.of("placement", "leonardo-h100", "name", name))
                .statusCode(409)
                .body("field", equalTo("name"));

        assertThat(isvc(NS, name).getSpec().predictor().model().storageUri()).isEqualTo("s3://someone-else/model");
        Deploys.assertNoRecord(name);
    }

    private InferenceService isvc(String namespace, String name) {
        return kubernetes
                .resources(InferenceService.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    private void setStatus(String name, String url, Condition ready) {
        InferenceService latest = isvc(NS, name);
        latest.setStatus(new InferenceServiceStatus(1L, url, null, List.of(ready), null, null, null));
        kubernetes.resource(latest).updateStatus();
    }

    private static JsonPath record(String id) {
        return call().get(BASE + "/inference_services/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void awaitEvent(String type, String versionId) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> events = given().get(Deploys.PONTE + "/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("$");
            assertThat(events)
                    .anySatisfy(e -> assertThat(e)
                            .containsEntry("type", type)
                            .containsEntry("modelVersionId", Integer.parseInt(versionId)));
        });
    }

    private static Map<String, Object> stringValue(String value) {
        return Map.of("metadataType", "MetadataStringValue", "string_value", value);
    }

    private static Map<String, Object> boolValue(boolean value) {
        return Map.of("metadataType", "MetadataBoolValue", "bool_value", value);
    }
}
