package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * The image of an {@code image_url} content part.
 *
 * @param url an https URL or a base64 {@code data:} URL
 * @param detail {@code auto}, {@code low} or {@code high}; optional
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageUrl(
        String url,
        String detail,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ImageUrl {
        extra = Extras.copyOf(extra);
    }
}
