package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * A breakdown of the prompt tokens ({@code prompt_tokens_details}).
 *
 * @param cachedTokens tokens served from the prompt cache
 * @param audioTokens audio input tokens
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptTokensDetails(
        @JsonProperty("cached_tokens") Integer cachedTokens,
        @JsonProperty("audio_tokens") Integer audioTokens,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public PromptTokensDetails {
        extra = Extras.copyOf(extra);
    }
}
