package io.ponte.api.oip;

import static io.ponte.api.testing.RoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OipRoundTripTest {

    @Test
    void infer_request_with_fp32_bytes_and_bool_tensors_round_trips_unchanged() {
        InferenceRequest request = assertRoundTrips("oip/infer-request.json", InferenceRequest.class);

        assertThat(request.inputs()).extracting(Tensor::datatype).containsExactly("FP32", "BYTES", "BOOL");
        assertThat(request.inputs().get(0).asFloats()).containsExactly(5.1f, 3.5f, 1.4f, 0.2f, 6.7f, 3.0f, 5.2f, 2.3f);
        assertThat(request.inputs().get(1).asStrings())
                .containsExactly("first sample, from the test beam", "second sample: ünïcode ok");
        assertThat(request.outputs()).extracting(RequestedOutput::name).containsExactly("probabilities", "label");
        assertThat(request.parameters()).containsEntry("priority", 1);
    }

    @Test
    void infer_response_round_trips_unchanged() {
        InferenceResponse response = assertRoundTrips("oip/infer-response.json", InferenceResponse.class);

        assertThat(response.output("label")).map(Tensor::asStrings).hasValue(List.of("setosa", "virginica"));
        assertThat(response.output("probabilities").orElseThrow().elementCount())
                .isEqualTo(6);
        assertThat(response.output("missing")).isEmpty();
    }

    @Test
    void model_metadata_round_trips_unchanged() {
        ModelMetadata metadata = assertRoundTrips("oip/model-metadata.json", ModelMetadata.class);

        assertThat(metadata.inputs().get(0).shape()).containsExactly(-1L, 4L);
        assertThat(metadata.properties()).containsEntry("engine", "PyTorch");
    }

    @Test
    void server_metadata_round_trips_unchanged() {
        ServerMetadata metadata = assertRoundTrips("oip/server-metadata.json", ServerMetadata.class);

        assertThat(metadata.extensions()).contains("model_repository");
    }

    @Test
    void error_body_round_trips_unchanged() {
        InferenceError error = assertRoundTrips("oip/error.json", InferenceError.class);

        assertThat(error)
                .isEqualTo(InferenceError.of("unexpected datatype FP16 for input features: the model expects FP32"));
    }
}
