package io.ponte.router.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.router.spi.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} does; each adapter's test extends this. */
public abstract class RateLimiterContractTest {

    protected final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:07.250Z"));
    protected RateLimiter limiter;

    /** A limiter whose time is {@code clock}. */
    protected abstract RateLimiter newLimiter(InstantSource clock);

    @BeforeEach
    void createLimiter() {
        limiter = newLimiter(clock);
    }

    protected static ApiKey key(Long requestsPerMinute, Long tokensPerMinute) {
        return new ApiKey(
                "k-" + UUID.randomUUID(),
                Set.of(),
                requestsPerMinute == null ? OptionalLong.empty() : OptionalLong.of(requestsPerMinute),
                tokensPerMinute == null ? OptionalLong.empty() : OptionalLong.of(tokensPerMinute));
    }

    protected static RateDecision admit(RateLimiter limiter, ApiKey key) {
        try {
            return limiter.admit(key).toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("admit did not answer", e);
        }
    }

    protected RateDecision admit(ApiKey key) {
        return admit(limiter, key);
    }

    /** Records tokens; limiters that record asynchronously override this to wait until they landed. */
    protected void recordTokens(ApiKey key, long tokens) {
        limiter.recordTokens(key, tokens);
    }

    @Test
    void admits_the_quota_and_refuses_the_next_request_with_limit_requests() {
        ApiKey key = key(5L, null);

        for (int i = 0; i < 5; i++) {
            assertThat(admit(key).allowed()).as("request %d", i + 1).isTrue();
        }
        RateDecision sixth = admit(key);

        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.limit()).isEqualTo(RateDecision.REQUESTS);
        assertThat(sixth.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(sixth.retryAfterSeconds()).isEqualTo(12);
    }

    @Test
    void a_refused_request_is_not_counted_and_fits_after_retry_after() {
        ApiKey key = key(3L, null);
        for (int i = 0; i < 3; i++) {
            admit(key);
        }
        RateDecision refused = admit(key);
        assertThat(admit(key).allowed()).isFalse();

        clock.advance(refused.retryAfter());

        assertThat(admit(key).allowed()).isTrue();
        assertThat(admit(key).allowed()).isFalse();
    }

    @Test
    void tokens_recorded_beyond_the_quota_refuse_the_next_request_with_limit_tokens() {
        ApiKey key = key(100L, 1_000L);
        assertThat(admit(key).allowed()).isTrue();

        recordTokens(key, 1_001);
        RateDecision next = admit(key);

        assertThat(next.allowed()).isFalse();
        assertThat(next.limit()).isEqualTo(RateDecision.TOKENS);
        assertThat(next.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(61));
    }

    @Test
    void tokens_within_the_quota_leave_room_for_the_next_request() {
        ApiKey key = key(null, 1_000L);

        recordTokens(key, 999);

        assertThat(admit(key).allowed()).isTrue();
    }

    @Test
    void keys_are_independent() {
        ApiKey spent = key(1L, null);
        ApiKey other = key(1L, null);
        ApiKey tokenSpent = key(null, 10L);
        admit(spent);
        recordTokens(tokenSpent, 50);

        assertThat(admit(spent).allowed()).isFalse();
        assertThat(admit(tokenSpent).allowed()).isFalse();
        assertThat(admit(other).allowed()).isTrue();
    }

    @Test
    void a_key_without_limits_is_always_allowed() {
        ApiKey unlimited = key(null, null);

        for (int i = 0; i < 1_000; i++) {
            assertThat(admit(unlimited)).isSameAs(RateDecision.ALLOW);
        }
        limiter.recordTokens(unlimited, 1_000_000);
        assertThat(admit(ApiKey.ANONYMOUS)).isSameAs(RateDecision.ALLOW);
    }

    @Test
    void the_window_frees_up_after_a_minute() {
        ApiKey key = key(2L, 500L);
        admit(key);
        admit(key);
        recordTokens(key, 5_000);
        assertThat(admit(key).allowed()).isFalse();

        clock.advance(Duration.ofSeconds(59));
        RateDecision stillSpent = admit(key);
        clock.advance(Duration.ofSeconds(62));

        assertThat(stillSpent.allowed()).isFalse();
        assertThat(stillSpent.limit()).isEqualTo(RateDecision.TOKENS);
        assertThat(admit(key).allowed()).isTrue();
        assertThat(admit(key).allowed()).isTrue();
        assertThat(admit(key).limit()).isEqualTo(RateDecision.REQUESTS);
    }

    @Test
    void requests_drain_at_the_quota_rate() {
        ApiKey key = key(60L, null);
        for (int i = 0; i < 60; i++) {
            assertThat(admit(key).allowed()).isTrue();
        }
        assertThat(admit(key).retryAfterSeconds()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));

        for (int i = 0; i < 10; i++) {
            assertThat(admit(key).allowed()).as("request %d after 10 s", i + 1).isTrue();
        }
        assertThat(admit(key).allowed()).isFalse();
    }
}
