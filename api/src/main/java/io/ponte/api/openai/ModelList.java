package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The answer to {@code GET /v1/models} ({@code ListModelsResponse}).
 *
 * @param object always {@value #OBJECT}
 * @param data the models
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelList(
        String object,
        List<Model> data,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The value of {@code object}. */
    public static final String OBJECT = "list";

    public ModelList {
        extra = Extras.copyOf(extra);
    }

    /** A list of {@code models}. */
    public static ModelList of(List<Model> models) {
        return new ModelList(OBJECT, models, null);
    }
}
