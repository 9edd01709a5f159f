package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Log probabilities of a legacy completion choice.
 *
 * @param textOffset the character offset of each token in the text
 * @param tokenLogprobs the log probability of each token
 * @param tokens the tokens
 * @param topLogprobs for each position, the most likely tokens and their log probabilities
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompletionLogprobs(
        @JsonProperty("text_offset") List<Integer> textOffset,
        @JsonProperty("token_logprobs") List<Double> tokenLogprobs,
        List<String> tokens,
        @JsonProperty("top_logprobs") List<Map<String, Double>> topLogprobs) {}
