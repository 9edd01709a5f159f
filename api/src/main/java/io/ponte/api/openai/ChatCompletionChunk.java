package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import io.ponte.api.json.NullableValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One server-sent event of a streamed chat response ({@code CreateChatCompletionStreamResponse}).
 *
 * <p>{@code usage} has three states on the wire, and this type keeps them apart: absent when the
 * client did not ask for {@code stream_options.include_usage}; {@code null} on every chunk but the
 * last when it did; the totals on that last chunk, whose {@code choices} is empty.
 *
 * @param id the completion id, the same on every chunk
 * @param object always {@value #OBJECT}
 * @param created Unix time in seconds, the same on every chunk
 * @param model the model that answers
 * @param choices the deltas of this chunk; empty on the final usage chunk
 * @param usage absent, {@link NullableValue#ofNull()} or the totals
 * @param systemFingerprint the backend configuration; optional and deprecated
 * @param serviceTier the tier that served the request; optional
 * @param extra members not modelled here, such as {@code obfuscation}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatCompletionChunk(
        String id,
        String object,
        Long created,
        String model,
        List<ChunkChoice> choices,
        NullableValue<Usage> usage,
        @JsonProperty("system_fingerprint") String systemFingerprint,
        @JsonProperty("service_tier") String serviceTier,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The value of {@code object}. */
    public static final String OBJECT = "chat.completion.chunk";

    public ChatCompletionChunk {
        extra = Extras.copyOf(extra);
    }

    /** A chunk carrying deltas, without a {@code usage} member. */
    public static ChatCompletionChunk of(String id, long created, String model, List<ChunkChoice> choices) {
        return new ChatCompletionChunk(id, OBJECT, created, model, choices, null, null, null, null);
    }

    /** The final chunk of a stream that included usage: no choices, only the totals. */
    public static ChatCompletionChunk usageOnly(String id, long created, String model, Usage usage) {
        return new ChatCompletionChunk(
                id, OBJECT, created, model, List.of(), NullableValue.of(usage), null, null, null);
    }

    /** The usage totals, present only on the final chunk of a stream that included usage. */
    public Optional<Usage> usageTotals() {
        return usage == null ? Optional.empty() : usage.asOptional();
    }

    /**
     * This chunk without a {@code usage} member, for a client that did not ask for usage when the
     * router asked upstream for it.
     */
    public ChatCompletionChunk withoutUsage() {
        return new ChatCompletionChunk(
                id, object, created, model, choices, null, systemFingerprint, serviceTier, extra);
    }
}
