package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * A tool the model may call ({@code ChatCompletionTool}). Function tools carry a {@link
 * FunctionDefinition}; custom tools ({@code "type": "custom"}) keep their {@code custom} member in
 * {@link #extra()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tool(
        String type,
        FunctionDefinition function,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The {@code type} of a function tool. */
    public static final String FUNCTION = "function";

    public Tool {
        extra = Extras.copyOf(extra);
    }

    /** A function tool. */
    public static Tool function(FunctionDefinition function) {
        return new Tool(FUNCTION, function, null);
    }
}
