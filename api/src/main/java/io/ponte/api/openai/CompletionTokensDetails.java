package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * A breakdown of the generated tokens ({@code completion_tokens_details}).
 *
 * @param reasoningTokens tokens the model spent reasoning
 * @param audioTokens audio output tokens
 * @param acceptedPredictionTokens predicted-output tokens that appeared in the completion
 * @param rejectedPredictionTokens predicted-output tokens that did not
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionTokensDetails(
        @JsonProperty("reasoning_tokens") Integer reasoningTokens,
        @JsonProperty("audio_tokens") Integer audioTokens,
        @JsonProperty("accepted_prediction_tokens") Integer acceptedPredictionTokens,
        @JsonProperty("rejected_prediction_tokens") Integer rejectedPredictionTokens,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public CompletionTokensDetails {
        extra = Extras.copyOf(extra);
    }
}
