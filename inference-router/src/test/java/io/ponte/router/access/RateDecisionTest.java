package io.ponte.router.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateDecisionTest {

    @Test
    void retry_after_is_rounded_up_to_whole_seconds_and_at_least_one() {
        assertThat(RateDecision.refuse(RateDecision.REQUESTS, Duration.ofMillis(1))
                        .retryAfterSeconds())
                .isEqualTo(1);
        assertThat(RateDecision.refuse(RateDecision.REQUESTS, Duration.ofMillis(12_001))
                        .retryAfterSeconds())
                .isEqualTo(13);
        assertThat(RateDecision.refuse(RateDecision.TOKENS, Duration.ZERO).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(RateDecision.ALLOW.retryAfterSeconds()).isZero();
    }
}
