package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The answer to an embeddings request ({@code CreateEmbeddingResponse}).
 *
 * @param object always {@value #OBJECT}
 * @param data one embedding per input, in input order
 * @param model the model that embedded
 * @param usage prompt and total tokens
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingResponse(
        String object,
        List<Embedding> data,
        String model,
        Usage usage,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The value of {@code object}. */
    public static final String OBJECT = "list";

    public EmbeddingResponse {
        extra = Extras.copyOf(extra);
    }

    /** A response with its required members. */
    public static EmbeddingResponse of(String model, List<Embedding> data, Usage usage) {
        return new EmbeddingResponse(OBJECT, data, model, usage, null);
    }
}
