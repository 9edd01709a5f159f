package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * A model that can be named in requests ({@code Model}), also the answer to {@code GET
 * /v1/models/{model}}.
 *
 * @param id the name to put in {@code model}
 * @param object always {@value #OBJECT}
 * @param created Unix time in seconds
 * @param ownedBy the organisation that owns it
 * @param extra members not modelled here (vLLM adds {@code root}, {@code max_model_len}, …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Model(
        String id,
        String object,
        Long created,
        @JsonProperty("owned_by") String ownedBy,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The value of {@code object}. */
    public static final String OBJECT = "model";

    public Model {
        extra = Extras.copyOf(extra);
    }

    /** A model with its required members. */
    public static Model of(String id, long created, String ownedBy) {
        return new Model(id, OBJECT, created, ownedBy, null);
    }
}
