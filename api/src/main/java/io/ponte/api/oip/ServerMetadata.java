package io.ponte.api.oip;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code GET /v2} ({@code metadata_server_response}).
 *
 * @param name the server name
 * @param version the server version
 * @param extensions the protocol extensions the server supports
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServerMetadata(
        String name,
        String version,
        List<String> extensions,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ServerMetadata {
        extra = Extras.copyOf(extra);
    }
}
