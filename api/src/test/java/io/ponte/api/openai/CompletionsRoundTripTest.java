package io.ponte.api.openai;

import static io.ponte.api.testing.RoundTrip.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionsRoundTripTest {

    @Test
    void completions_request_with_array_prompt_round_trips_unchanged() {
        CompletionRequest request =
                assertRoundTrips("openai/completions-request-array-prompt.json", CompletionRequest.class);

        assertThat(request.prompt()).isInstanceOf(TextOrTokens.Texts.class);
        assertThat(request.prompt().asTexts()).hasSize(2);
        assertThat(request.stop()).isEqualTo(Stop.of("\n"));
        assertThat(request.extra()).containsKeys("ignore_eos", "min_tokens");
    }

    @Test
    void completions_request_with_token_prompt_round_trips_unchanged() {
        CompletionRequest request =
                assertRoundTrips("openai/completions-request-token-prompt.json", CompletionRequest.class);

        assertThat(request.prompt()).isInstanceOf(TextOrTokens.TokenBatches.class);
        assertThat(request.prompt().size()).isEqualTo(2);
        assertThat(request.prompt().asTexts()).isEmpty();
        assertThat(request.isStreaming()).isTrue();
    }

    @Test
    void completions_response_with_logprobs_round_trips_unchanged() {
        CompletionResponse response = assertRoundTrips("openai/completions-response.json", CompletionResponse.class);

        assertThat(response.choices())
                .extracting(CompletionChoice::finishReason)
                .containsExactly("length", "stop");
        assertThat(response.choices().get(0).logprobs().tokens()).containsExactly(" under", " the");
        assertThat(response.choices().get(1).logprobs()).isNull();
    }
}
