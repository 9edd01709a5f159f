package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import io.ponte.api.json.NullableValue;
import java.util.List;
import java.util.Map;

/**
 * What a stream chunk adds to a choice ({@code ChatCompletionStreamResponseDelta}). OpenAI writes
 * {@code "content": null} and {@code "refusal": null} on some chunks and leaves them out on others,
 * so both are {@link NullableValue}s; {@link #text()} reads the content plainly.
 *
 * @param role set on the first delta of a choice
 * @param content the next piece of text: absent, {@code null} or a string
 * @param refusal the next piece of a refusal: absent, {@code null} or a string
 * @param toolCalls fragments of tool calls, matched by {@link ToolCall#index()}
 * @param extra members not modelled here (vLLM's {@code reasoning_content}, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatDelta(
        String role,
        NullableValue<String> content,
        NullableValue<String> refusal,
        @JsonProperty("tool_calls") List<ToolCall> toolCalls,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ChatDelta {
        extra = Extras.copyOf(extra);
    }

    /** The first delta of an assistant choice: the role and empty content. */
    public static ChatDelta start() {
        return new ChatDelta("assistant", NullableValue.of(""), null, null, null);
    }

    /** A delta with the next piece of text. */
    public static ChatDelta ofText(String piece) {
        return new ChatDelta(null, NullableValue.of(piece), null, null, null);
    }

    /** The empty delta ({@code {}}) that goes with a finish reason. */
    public static ChatDelta empty() {
        return new ChatDelta(null, null, null, null, null);
    }

    /** The text this delta adds, or {@code null} when it adds none. */
    public String text() {
        return content == null ? null : content.value();
    }
}
