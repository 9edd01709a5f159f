package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * One choice of a chat response.
 *
 * @param index the position of this choice
 * @param message what the model answered
 * @param logprobs token log probabilities; always written, {@code null} unless requested
 * @param finishReason {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter} or
 *     {@code function_call}
 * @param extra members not modelled here (vLLM adds {@code stop_reason})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatChoice(
        Integer index,
        ChatResponseMessage message,
        @JsonInclude(JsonInclude.Include.ALWAYS) ChatLogprobs logprobs,
        @JsonProperty("finish_reason") String finishReason,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ChatChoice {
        extra = Extras.copyOf(extra);
    }

    /** A choice without log probabilities. */
    public static ChatChoice of(int index, ChatResponseMessage message, String finishReason) {
        return new ChatChoice(index, message, null, finishReason, null);
    }
}
