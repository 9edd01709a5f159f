package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * One embedding of an embeddings response.
 *
 * @param object always {@value #OBJECT}
 * @param index the position of the input this embeds
 * @param embedding the vector, as floats or as base64
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Embedding(
        String object,
        Integer index,
        EmbeddingVector embedding,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The value of {@code object}. */
    public static final String OBJECT = "embedding";

    public Embedding {
        extra = Extras.copyOf(extra);
    }

    /** The embedding of input {@code index}, written as a float array. */
    public static Embedding of(int index, float[] vector) {
        return new Embedding(OBJECT, index, EmbeddingVector.of(vector), null);
    }
}
