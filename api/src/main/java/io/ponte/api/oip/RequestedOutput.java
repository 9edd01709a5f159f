package io.ponte.api.oip;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * An output an inference request asks for ({@code request_output}).
 *
 * @param name the output tensor name
 * @param parameters output parameters, such as {@code binary_data}; optional
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestedOutput(
        String name,
        Map<String, Object> parameters,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public RequestedOutput {
        extra = Extras.copyOf(extra);
    }

    /** The output {@code name}, without parameters. */
    public static RequestedOutput of(String name) {
        return new RequestedOutput(name, null, null);
    }
}
