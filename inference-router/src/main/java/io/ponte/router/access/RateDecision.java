package io.ponte.router.access;

import java.time.Duration;

/**
 * The limiter's answer for one request.
 *
 * <p>The HTTP layer answers a refusal with 429 and {@code Retry-After: }{@link #retryAfterSeconds()}.
 * A limiter that cannot decide fails its stage with {@link RateLimiterUnavailableException} instead
 * (503).
 *
 * @param allowed whether the request may proceed
 * @param limit which limit refused it: {@value #REQUESTS} or {@value #TOKENS} (null when allowed)
 * @param retryAfter how long until the refusing window frees up (zero when allowed)
 */
public record RateDecision(boolean allowed, String limit, Duration retryAfter) {

    /** {@link #limit()} of a refusal because the key's requests per minute are spent. */
    public static final String REQUESTS = "requests";

    /** {@link #limit()} of a refusal because the key's tokens per minute are spent. */
    public static final String TOKENS = "tokens";

    public static final RateDecision ALLOW = new RateDecision(true, null, Duration.ZERO);

    public static RateDecision refuse(String limit, Duration retryAfter) {
        return new RateDecision(false, limit, retryAfter);
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, for the {@code Retry-After} header; 0 when allowed. */
    public long retryAfterSeconds() {
        if (allowed) {
            return 0;
        }
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
