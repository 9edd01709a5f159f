package io.ponte.api.kserve;

import static io.ponte.api.testing.RoundTrip.assertRoundTrips;
import static io.ponte.api.testing.RoundTrip.assertSameJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.ponte.api.testing.Json;
import org.junit.jupiter.api.Test;

class InferenceServiceRoundTripTest {

    @Test
    void huggingface_vllm_service_as_kserve_returns_it_round_trips_unchanged() {
        InferenceService isvc = assertRoundTrips("kserve/isvc-huggingface-vllm.yaml", InferenceService.class);

        ModelSpec model = isvc.getSpec().predictor().model();
        assertThat(model.modelFormat().name()).isEqualTo("huggingface");
        assertThat(model.runtime()).isEqualTo("kserve-huggingfaceserver");
        assertThat(model.args()).contains("--backend=vllm");
        assertThat(model.resources().getLimits().get("nvidia.com/gpu").getAmount())
                .isEqualTo("1");
        assertThat(model.env().get(0).getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("hf-secret");
        assertThat(model.extra()).containsKey("ports");
        assertThat(isvc.getStatus().extra()).containsKey("deploymentMode");
    }

    @Test
    void service_pinned_to_an_interlink_virtual_node_round_trips_unchanged() {
        InferenceService isvc = assertRoundTrips("kserve/isvc-interlink-pending.json", InferenceService.class);

        PredictorSpec predictor = isvc.getSpec().predictor();
        assertThat(predictor.nodeSelector()).containsEntry(PredictorSpec.HOSTNAME_LABEL, "interlink-leonardo");
        assertThat(predictor.tolerations().get(0).getKey()).isEqualTo(PredictorSpec.INTERLINK_TAINT_KEY);
        assertThat(isvc.getStatus().modelStatus().extra()).containsKey("lastFailureInfo");
    }

    @Test
    void fabric8_serialization_reads_and_writes_the_service_unchanged() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        JsonNode original = Json.sample("kserve/isvc-interlink-pending.json");

        InferenceService isvc = serialization.unmarshal(original.toString(), InferenceService.class);

        assertSameJson(Json.tree(serialization.asJson(isvc)), original);
    }

    @Test
    void fabric8_serialization_picks_the_typed_class_from_api_version_and_kind() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        serialization.registerKubernetesResource(InferenceService.class);

        Object resource = serialization.unmarshal(
                Json.sample("kserve/isvc-interlink-pending.json").toString());

        assertThat(resource).isInstanceOf(InferenceService.class);
    }
}
