package io.ponte.api.openai;

import static io.ponte.api.testing.RoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddingsRoundTripTest {

    @Test
    void embeddings_request_with_strings_round_trips_unchanged() {
        EmbeddingRequest request = assertRoundTrips("openai/embeddings-request-strings.json", EmbeddingRequest.class);

        assertThat(request.input().asTexts())
                .containsExactly("How do I request a GPU on the INFN Cloud?", "Slurm partitions at CNAF");
        assertThat(request.dimensions()).isEqualTo(384);
    }

    @Test
    void embeddings_request_with_token_arrays_round_trips_unchanged() {
        EmbeddingRequest request =
                assertRoundTrips("openai/embeddings-request-token-arrays.json", EmbeddingRequest.class);

        assertThat(request.input()).isInstanceOf(TextOrTokens.TokenBatches.class);
        assertThat(request.encodingFormat()).isEqualTo(EmbeddingRequest.BASE64);
        assertThat(request.extra()).containsKey("truncate_prompt_tokens");
    }

    @Test
    void embeddings_response_with_float_vectors_round_trips_unchanged() {
        EmbeddingResponse response = assertRoundTrips("openai/embeddings-response.json", EmbeddingResponse.class);

        assertThat(response.data()).hasSize(2);
        assertThat(response.data().get(0).embedding().toFloats()).hasSize(5).startsWith(0.0023064255f);
        assertThat(response.usage().completionTokens()).isNull();
    }

    @Test
    void embeddings_response_with_base64_vectors_round_trips_unchanged_and_decodes() {
        EmbeddingResponse response =
                assertRoundTrips("openai/embeddings-response-base64.json", EmbeddingResponse.class);

        EmbeddingVector vector = response.data().get(0).embedding();
        assertThat(vector).isInstanceOf(EmbeddingVector.Base64Floats.class);
        assertThat(vector.toFloats()).containsExactly(1f, -2f, 3f, -4f);
        assertThat(EmbeddingVector.Base64Floats.encode(new float[] {1f, -2f, 3f, -4f}))
                .isEqualTo(vector);
    }
}
