package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One of the most likely tokens at a position.
 *
 * @param token the token
 * @param logprob its log probability
 * @param bytes its UTF-8 bytes, or {@code null}; always written
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopLogprob(
        String token,
        Double logprob,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Integer> bytes) {}
