package io.ponte.router.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutlierStateTest {

    private static final Duration BASE = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofSeconds(25);

    private final OutlierState state = new OutlierState();

    @Test
    void ejects_after_the_configured_run_of_failures_and_returns_after_the_cool_down() {
        long t = 1_000_000_000L;
        assertThat(state.failure(t, 3, BASE, MAX)).isFalse();
        assertThat(state.failure(t, 3, BASE, MAX)).isFalse();
        assertThat(state.failure(t, 3, BASE, MAX)).isTrue();

        assertThat(state.ejected(t + BASE.toNanos() - 1)).isTrue();
        assertThat(state.ejected(t + BASE.toNanos())).isFalse();
    }

    @Test
    void a_success_breaks_the_run_of_failures() {
        long t = 5L;
        state.failure(t, 3, BASE, MAX);
        state.failure(t, 3, BASE, MAX);
        state.success();

        assertThat(state.failure(t, 3, BASE, MAX)).isFalse();
        assertThat(state.ejected(t)).isFalse();
    }

    @Test
    void repeated_ejections_last_longer_up_to_the_cap() {
        long t = 0;
        state.failure(t, 1, BASE, MAX);
        t += BASE.toNanos();
        state.failure(t, 1, BASE, MAX);
        assertThat(state.ejected(t + 2 * BASE.toNanos() - 1))
                .as("second ejection doubles")
                .isTrue();

        t += 2 * BASE.toNanos();
        state.failure(t, 1, BASE, MAX);
        assertThat(state.ejected(t + MAX.toNanos() - 1)).isTrue();
        assertThat(state.ejected(t + MAX.toNanos())).as("capped").isFalse();
    }
}
