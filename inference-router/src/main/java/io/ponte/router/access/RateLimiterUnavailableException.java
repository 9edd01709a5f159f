package io.ponte.router.access;

/**
 * The rate limiter could not decide because its shared store is unreachable, and it is configured
 * to fail closed. {@link io.ponte.router.spi.RateLimiter#admit} stages fail with it (possibly wrapped
 * in a {@link java.util.concurrent.CompletionException} by dependent stages); the HTTP layer answers
 * 503. Retrying after a moment can help. Carries no stack trace: it is an expected outcome.
 */
public final class RateLimiterUnavailableException extends RuntimeException {

    public RateLimiterUnavailableException(Throwable cause) {
        super("the rate limiter's store is unreachable: " + cause.getMessage(), cause, false, false);
    }
}
