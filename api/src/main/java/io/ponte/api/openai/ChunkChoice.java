package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * One choice of a stream chunk. {@code logprobs} and {@code finish_reason} are always written, as
 * OpenAI and vLLM do: {@code null} until they have a value.
 *
 * @param index the position of the choice this delta extends
 * @param delta what was generated since the previous chunk
 * @param logprobs token log probabilities, or {@code null}
 * @param finishReason {@code null} until the last delta of this choice
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChunkChoice(
        Integer index,
        ChatDelta delta,
        @JsonInclude(JsonInclude.Include.ALWAYS) ChatLogprobs logprobs,

        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("finish_reason")
        String finishReason,

        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public ChunkChoice {
        extra = Extras.copyOf(extra);
    }

    /** A delta of choice {@code index} that does not finish it. */
    public static ChunkChoice of(int index, ChatDelta delta) {
        return new ChunkChoice(index, delta, null, null, null);
    }

    /** The last delta of choice {@code index}. */
    public static ChunkChoice finished(int index, ChatDelta delta, String finishReason) {
        return new ChunkChoice(index, delta, null, finishReason, null);
    }
}
