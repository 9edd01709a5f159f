package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * One choice of a completions response. {@code logprobs} and {@code finish_reason} are always
 * written: the first is nullable, the second is {@code null} on streamed chunks before the last.
 *
 * @param text the generated text
 * @param index the position of this choice
 * @param logprobs token log probabilities, or {@code null}
 * @param finishReason {@code stop}, {@code length} or {@code content_filter}
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionChoice(
        String text,
        Integer index,
        @JsonInclude(JsonInclude.Include.ALWAYS) CompletionLogprobs logprobs,

        @JsonInclude(JsonInclude.Include.ALWAYS) @JsonProperty("finish_reason")
        String finishReason,

        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public CompletionChoice {
        extra = Extras.copyOf(extra);
    }

    /** A choice without log probabilities. */
    public static CompletionChoice of(int index, String text, String finishReason) {
        return new CompletionChoice(text, index, null, finishReason, null);
    }
}
