package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * The body of the legacy {@code POST /v1/completions} ({@code CreateCompletionRequest}). Members
 * not listed here stay in {@link #extra()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionRequest(
        String model,
        TextOrTokens prompt,
        String suffix,
        @JsonProperty("max_tokens") Integer maxTokens,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        Integer n,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        Integer logprobs,
        Boolean echo,
        Stop stop,
        @JsonProperty("presence_penalty") Double presencePenalty,
        @JsonProperty("frequency_penalty") Double frequencyPenalty,
        @JsonProperty("best_of") Integer bestOf,
        @JsonProperty("logit_bias") Map<String, Integer> logitBias,
        Long seed,
        String user,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public CompletionRequest {
        extra = Extras.copyOf(extra);
    }

    /** A request with only the two required members. */
    public static CompletionRequest of(String model, TextOrTokens prompt) {
        return new CompletionRequest(
                model, prompt, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** Whether the client asked for server-sent events. */
    @JsonIgnore
    public boolean isStreaming() {
        return Boolean.TRUE.equals(stream);
    }

    /** This request for another model. */
    public CompletionRequest withModel(String newModel) {
        return new CompletionRequest(
                newModel,
                prompt,
                suffix,
                maxTokens,
                temperature,
                topP,
                n,
                stream,
                streamOptions,
                logprobs,
                echo,
                stop,
                presencePenalty,
                frequencyPenalty,
                bestOf,
                logitBias,
                seed,
                user,
                extra);
    }
}
