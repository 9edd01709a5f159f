package io.ponte.router.core;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Bounded attempts with exponential backoff and full jitter between them. */
public record RetryBackoff(int maxAttempts, Duration base, Duration max) {

    /** Whether another attempt may follow attempt number {@code attempt} (1-based). */
    public boolean canRetryAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** Milliseconds to wait before attempt {@code attempt + 1}: uniform in [0, min(max, base·2^(attempt−1))]. */
    public long delayMillisAfter(int attempt) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    }
}
