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
 * The answer to a chat request that was not streamed ({@code CreateChatCompletionResponse}).
 *
 * @param id the completion id, {@code chatcmpl-…}
 * @param object always {@value #OBJECT}
 * @param created Unix time in seconds
 * @param model the model that answered
 * @param choices one choice per requested {@code n}
 * @param usage token counts; optional
 * @param systemFingerprint the backend configuration; optional and deprecated
 * @param serviceTier the tier that served the request; optional
 * @param extra members not modelled here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionResponse(
        String id,
        String object,
        Long created,
        String model,
        List<ChatChoice> choices,
        Usage usage,
        @JsonProperty("system_fingerprint") String systemFingerprint,
        @JsonProperty("service_tier") String serviceTier,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The value of {@code object}. */
    public static final String OBJECT = "chat.completion";

    public ChatCompletionResponse {
        extra = Extras.copyOf(extra);
    }

    /** A response with the required members and usage. */
    public static ChatCompletionResponse of(
            String id, long created, String model, List<ChatChoice> choices, Usage usage) {
        return new ChatCompletionResponse(id, OBJECT, created, model, choices, usage, null, null, null);
    }
}
