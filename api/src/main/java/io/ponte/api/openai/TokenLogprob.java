package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The log probability of one output token ({@code ChatCompletionTokenLogprob}).
 *
 * @param token the token
 * @param logprob its log probability; {@code -9999.0} when very unlikely
 * @param bytes its UTF-8 bytes, or {@code null}; always written
 * @param topLogprobs the most likely tokens at this position
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenLogprob(
        String token,
        Double logprob,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Integer> bytes,
        @JsonProperty("top_logprobs") List<TopLogprob> topLogprobs) {}
