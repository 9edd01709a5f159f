package io.ponte.router.spi;

import io.ponte.router.access.ApiKey;
import io.ponte.router.access.RateDecision;
import java.util.concurrent.CompletionStage;

/**
 * Per-key requests-per-minute and tokens-per-minute limits. Implementations keep their state in
 * process or in a store shared by every router replica.
 */
public interface RateLimiter {

    /**
     * Counts one request against {@code key} and decides whether it may proceed: refused when the
     * key's request quota for the current minute is spent, or its token quota already is.
     */
    CompletionStage<RateDecision> admit(ApiKey key);

    /** Adds the tokens a finished request consumed to the key's current minute. */
    void recordTokens(ApiKey key, long tokens);
}
