package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * A tool call made by the model: whole in a message ({@code ChatCompletionMessageToolCall}), or a
 * fragment in a stream delta ({@code ChatCompletionMessageToolCallChunk}), where {@code index} says
 * which call the fragment extends and the other members may be missing.
 *
 * @param index the position of the call, in stream deltas only
 * @param id the call id that the tool message answers
 * @param type {@code function}, or {@code custom} with its payload in {@code extra}
 * @param function the function name and JSON-encoded arguments
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolCall(
        Integer index,
        String id,
        String type,
        FunctionCall function,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ToolCall {
        extra = Extras.copyOf(extra);
    }

    /** A complete function call, as found in a response message. */
    public static ToolCall function(String id, String name, String arguments) {
        return new ToolCall(null, id, Tool.FUNCTION, new FunctionCall(name, arguments), null);
    }
}
