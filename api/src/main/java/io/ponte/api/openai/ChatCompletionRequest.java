package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/chat/completions} ({@code CreateChatCompletionRequest}).
 *
 * <p>{@code tool_choice} is kept as JSON because it is either a mode string ({@code "auto"}) or an
 * object naming a tool. Members not listed here ({@code metadata}, {@code store}, {@code
 * reasoning_effort}, vendor extensions, …) stay in {@link #extra()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionRequest(
        String model,
        List<ChatMessage> messages,
        List<Tool> tools,
        @JsonProperty("tool_choice") JsonNode toolChoice,
        @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
        @JsonProperty("response_format") ResponseFormat responseFormat,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        Integer n,
        Stop stop,
        Long seed,
        String user,
        Boolean logprobs,
        @JsonProperty("top_logprobs") Integer topLogprobs,
        @JsonProperty("presence_penalty") Double presencePenalty,
        @JsonProperty("frequency_penalty") Double frequencyPenalty,
        @JsonProperty("logit_bias") Map<String, Integer> logitBias,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ChatCompletionRequest {
        extra = Extras.copyOf(extra);
    }

    /** A request with only the two required members. */
    public static ChatCompletionRequest of(String model, List<ChatMessage> messages) {
        return new ChatCompletionRequest(
                model, messages, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    /** Whether the client asked for server-sent events. */
    @JsonIgnore
    public boolean isStreaming() {
        return Boolean.TRUE.equals(stream);
    }

    /** Whether a streamed response must end with a usage chunk. */
    @JsonIgnore
    public boolean includesUsage() {
        return streamOptions != null && Boolean.TRUE.equals(streamOptions.includeUsage());
    }

    /** This request for another model, as a router does when it maps an alias to a backend. */
    public ChatCompletionRequest withModel(String newModel) {
        return new ChatCompletionRequest(
                newModel,
                messages,
                tools,
                toolChoice,
                parallelToolCalls,
                responseFormat,
                stream,
                streamOptions,
                maxTokens,
                maxCompletionTokens,
                temperature,
                topP,
                n,
                stop,
                seed,
                user,
                logprobs,
                topLogprobs,
                presencePenalty,
                frequencyPenalty,
                logitBias,
                extra);
    }
}
