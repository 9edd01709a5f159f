package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * Token counts of a request ({@code CompletionUsage}). Embedding responses use the same object
 * without {@code completion_tokens}.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated; absent for embeddings
 * @param totalTokens prompt plus completion
 * @param promptTokensDetails a breakdown of the prompt tokens; optional
 * @param completionTokensDetails a breakdown of the generated tokens; optional
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(
        @JsonProperty("prompt_tokens") Integer promptTokens,
        @JsonProperty("completion_tokens") Integer completionTokens,
        @JsonProperty("total_tokens") Integer totalTokens,
        @JsonProperty("prompt_tokens_details") PromptTokensDetails promptTokensDetails,
        @JsonProperty("completion_tokens_details") CompletionTokensDetails completionTokensDetails,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public Usage {
        extra = Extras.copyOf(extra);
    }

    /** Usage of a generation; the total is the sum. */
    public static Usage of(int promptTokens, int completionTokens) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens, null, null, null);
    }

    /** Usage of an embedding request, which generates nothing. */
    public static Usage ofPrompt(int promptTokens) {
        return new Usage(promptTokens, null, promptTokens, null, null, null);
    }
}
