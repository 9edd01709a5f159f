package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.List;
import java.util.Map;

/**
 * The answer to a legacy completions request ({@code CreateCompletionResponse}); streamed chunks
 * have the same shape.
 *
 * @param id the completion id, {@code cmpl-…}
 * @param object always {@value #OBJECT}
 * @param created Unix time in seconds
 * @param model the model that answered
 * @param choices one choice per prompt and {@code n}
 * @param usage token counts; optional
 * @param systemFingerprint the backend configuration; optional
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionResponse(
        String id,
        String object,
        Long created,
        String model,
        List<CompletionChoice> choices,
        Usage usage,
        @JsonProperty("system_fingerprint") String systemFingerprint,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The value of {@code object}. */
    public static final String OBJECT = "text_completion";

    public CompletionResponse {
        extra = Extras.copyOf(extra);
    }

    /** A response with the required members and usage. */
    public static CompletionResponse of(
            String id, long created, String model, List<CompletionChoice> choices, Usage usage) {
        return new CompletionResponse(id, OBJECT, created, model, choices, usage, null, null);
    }
}
