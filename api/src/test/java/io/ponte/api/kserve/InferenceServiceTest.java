package io.ponte.api.kserve;

import static io.ponte.api.testing.RoundTrip.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.ponte.api.testing.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceServiceTest {

    @Test
    void resource_identity_matches_kserve() {
        assertThat(HasMetadata.getApiVersion(InferenceService.class)).isEqualTo("serving.kserve.io/v1beta1");
        assertThat(HasMetadata.getKind(InferenceService.class)).isEqualTo("InferenceService");
        assertThat(HasMetadata.getPlural(InferenceService.class)).isEqualTo("inferenceservices");
        assertThat(CustomResource.getCRDName(InferenceService.class)).isEqualTo("inferenceservices.serving.kserve.io");
        assertThat(CustomResource.getShortNames(InferenceService.class)).containsExactly("isvc");
        assertThat(Namespaced.class).isAssignableFrom(InferenceService.class);
    }

    @Test
    void ready_service_reports_ready_and_its_urls() throws Exception {
        InferenceService isvc = read("kserve/isvc-huggingface-vllm.yaml");

        assertThat(isvc.isReady()).isTrue();
        assertThat(isvc.internalUrl()).hasValue("http://llama-3-1-8b-instruct.ponte-models.svc.cluster.local");
        assertThat(isvc.externalUrl())
                .hasValue("https://llama-3-1-8b-instruct-ponte-models.apps.cloud.example.infn.it");
        ComponentStatus predictor = isvc.getStatus().predictor().orElseThrow();
        assertThat(predictor.latestReadyRevision()).isEqualTo("llama-3-1-8b-instruct-predictor-00001");
        assertThat(predictor.traffic().get(0).percent()).isEqualTo(100L);
        assertThat(isvc.getStatus().modelStatus().states().activeModelState()).isEqualTo("Loaded");
    }

    @Test
    void pending_service_is_not_ready_and_says_why() throws Exception {
        InferenceService isvc = read("kserve/isvc-interlink-pending.json");

        assertThat(isvc.isReady()).isFalse();
        assertThat(isvc.externalUrl()).isEmpty();
        assertThat(isvc.internalUrl()).hasValue("http://iris-mlp-predictor.ponte-models.svc.cluster.local:8080");
        assertThat(isvc.getStatus().condition(InferenceServiceStatus.READY))
                .map(Condition::reason)
                .hasValue("MinimumReplicasUnavailable");
    }

    @Test
    void service_without_status_is_not_ready() {
        InferenceService isvc = InferenceService.of("ns", "m", PredictorSpec.of(ModelSpec.of("onnx", "s3://b/m")));

        assertThat(isvc.isReady()).isFalse();
        assertThat(isvc.internalUrl()).isEmpty();
    }

    @Test
    void factories_build_a_service_pinned_to_an_interlink_node() {
        ModelSpec model = ModelSpec.of("pytorch", "s3://ponte-models/iris-mlp/3")
                .withRuntime("ponte-predictor")
                .withProtocolVersion("v2")
                .withResources(new ResourceRequirementsBuilder()
                        .addToLimits("nvidia.com/gpu", new Quantity("1"))
                        .build());
        InferenceService isvc = InferenceService.of(
                "ponte-models",
                "iris-mlp",
                PredictorSpec.of(model).withReplicas(1, 1).onInterLinkNode("interlink-leonardo"));

        assertSameJson(Json.written(isvc), Json.tree("""
                {"apiVersion":"serving.kserve.io/v1beta1","kind":"InferenceService",
                 "metadata":{"name":"iris-mlp","namespace":"ponte-models"},
                 "spec":{"predictor":{
                   "model":{"modelFormat":{"name":"pytorch"},"runtime":"ponte-predictor",
                     "storageUri":"s3://ponte-models/iris-mlp/3","protocolVersion":"v2",
                     "resources":{"limits":{"nvidia.com/gpu":"1"}}},
                   "nodeSelector":{"kubernetes.io/hostname":"interlink-leonardo"},
                   "tolerations":[{"key":"virtual-node.interlink/no-schedule","operator":"Exists",
                     "effect":"NoSchedule"}],
                   "minReplicas":1,"maxReplicas":1}}}
                """));
    }

    @Test
    void environment_and_arguments_can_be_added_to_the_model() {
        ModelSpec model = ModelSpec.of("huggingface", "hf://org/model")
                .withArgs(List.of("--backend=vllm"))
                .withEnv(List.of(new EnvVar("HF_HUB_OFFLINE", "1", null)));

        assertThat(Json.written(model).path("env").get(0).path("name").asText()).isEqualTo("HF_HUB_OFFLINE");
        assertThat(model.args()).containsExactly("--backend=vllm");
    }

    private static InferenceService read(String sample) throws Exception {
        return Json.MAPPER.treeToValue(Json.sample(sample), InferenceService.class);
    }
}
