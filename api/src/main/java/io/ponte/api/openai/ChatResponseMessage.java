package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The message in a chat response ({@code ChatCompletionResponseMessage}). {@code content} and
 * {@code refusal} are required but nullable, so they are always written.
 *
 * @param role always {@code assistant}
 * @param content the text, {@code null} when the model only called tools
 * @param refusal the refusal text, usually {@code null}
 * @param toolCalls the tool calls; optional
 * @param extra members not modelled here ({@code annotations}, {@code audio}, vLLM's {@code
 *     reasoning_content}, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatResponseMessage(
        String role,
        @JsonInclude(JsonInclude.Include.ALWAYS) String content,
        @JsonInclude(JsonInclude.Include.ALWAYS) String refusal,
        @JsonProperty("tool_calls") List<ToolCall> toolCalls,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ChatResponseMessage {
        extra = Extras.copyOf(extra);
    }

    /** An assistant answer with text. */
    public static ChatResponseMessage assistant(String content) {
        return new ChatResponseMessage("assistant", content, null, null, null);
    }

    /** This answer as a request message, to continue the conversation. */
    public ChatMessage toRequestMessage() {
        MessageContent requestContent = content == null ? null : MessageContent.of(content);
        return new ChatMessage(role, requestContent, null, refusal, toolCalls, null, null);
    }
}
