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
 * One message of a chat request, of any role ({@code ChatCompletionRequestMessage}): {@code
 * developer}, {@code system}, {@code user}, {@code assistant} or {@code tool}. Which members make
 * sense depends on the role; the static factories build the common ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(
        String role,
        MessageContent content,
        String name,
        String refusal,
        @JsonProperty("tool_calls") List<ToolCall> toolCalls,
        @JsonProperty("tool_call_id") String toolCallId,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ChatMessage {
        extra = Extras.copyOf(extra);
    }

    /** A message with a role and content only. */
    public static ChatMessage of(String role, MessageContent content) {
        return new ChatMessage(role, content, null, null, null, null, null);
    }

    /** A system message with text content. */
    public static ChatMessage system(String text) {
        return of("system", MessageContent.of(text));
    }

    /** A user message with text content. */
    public static ChatMessage user(String text) {
        return of("user", MessageContent.of(text));
    }

    /** A user message made of content parts (text, images, …). */
    public static ChatMessage user(List<ContentPart> parts) {
        return of("user", MessageContent.of(parts));
    }

    /** An assistant message with text content. */
    public static ChatMessage assistant(String text) {
        return of("assistant", MessageContent.of(text));
    }

    /** An assistant turn that called tools, to send back with their results. */
    public static ChatMessage assistantToolCalls(List<ToolCall> toolCalls) {
        return new ChatMessage("assistant", null, null, null, toolCalls, null, null);
    }

    /** The result of the tool call {@code toolCallId}. */
    public static ChatMessage tool(String toolCallId, String text) {
        return new ChatMessage("tool", MessageContent.of(text), null, null, null, toolCallId, null);
    }
}
