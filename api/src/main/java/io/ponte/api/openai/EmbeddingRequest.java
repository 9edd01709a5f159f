package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * The body of {@code POST /v1/embeddings} ({@code CreateEmbeddingRequest}).
 *
 * @param input what to embed: a string, strings, token ids or token-id arrays
 * @param model the embedding model
 * @param encodingFormat {@code float} (the default) or {@code base64}
 * @param dimensions the wanted vector length, for models that can shorten it; optional
 * @param user an end-user id; optional
 * @param extra members not modelled here (the spec forbids them, but vLLM accepts some)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmbeddingRequest(
        TextOrTokens input,
        String model,
        @JsonProperty("encoding_format") String encodingFormat,
        Integer dimensions,
        String user,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The {@code encoding_format} that asks for base64 vectors. */
    public static final String BASE64 = "base64";

    public EmbeddingRequest {
        extra = Extras.copyOf(extra);
    }

    /** A request with only the two required members. */
    public static EmbeddingRequest of(String model, TextOrTokens input) {
        return new EmbeddingRequest(input, model, null, null, null, null);
    }

    /** This request for another model. */
    public EmbeddingRequest withModel(String newModel) {
        return new EmbeddingRequest(input, newModel, encodingFormat, dimensions, user, extra);
    }
}
