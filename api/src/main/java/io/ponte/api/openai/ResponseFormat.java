package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * The {@code response_format} of a chat request: {@code text}, {@code json_object}, or {@code
 * json_schema} with its schema description ({@code name}, {@code schema}, {@code strict}, …) kept as
 * JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseFormat(
        String type,
        @JsonProperty("json_schema") JsonNode jsonSchema,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ResponseFormat {
        extra = Extras.copyOf(extra);
    }

    /** {@code {"type": "json_object"}}: JSON mode. */
    public static ResponseFormat jsonObject() {
        return new ResponseFormat("json_object", null, null);
    }
}
