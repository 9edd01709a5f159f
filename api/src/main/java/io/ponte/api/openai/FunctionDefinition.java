package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * A function the model may call ({@code FunctionObject}).
 *
 * @param name the function name: letters, digits, underscores and dashes, at most 64
 * @param description what the function does, for the model
 * @param parameters a JSON Schema object describing the arguments; optional
 * @param strict whether the model must follow the schema exactly; optional
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionDefinition(
        String name,
        String description,
        JsonNode parameters,
        Boolean strict,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public FunctionDefinition {
        extra = Extras.copyOf(extra);
    }

    /** A function with a name, a description and an argument schema. */
    public static FunctionDefinition of(String name, String description, JsonNode parameters) {
        return new FunctionDefinition(name, description, parameters, null, null);
    }
}
