package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Log probabilities of a chat choice; both lists are required but nullable, so they are always
 * written.
 *
 * @param content one entry per content token, or {@code null}
 * @param refusal one entry per refusal token, or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChatLogprobs(List<TokenLogprob> content, List<TokenLogprob> refusal) {}
