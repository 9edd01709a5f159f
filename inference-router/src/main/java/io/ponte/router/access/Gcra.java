package io.ponte.router.access;

import java.time.Duration;
import java.time.InstantSource;
import java.util.OptionalLong;

/**
 * The arithmetic of the generic cell rate algorithm (GCRA) over a one-minute window, shared by every
 * {@link io.ponte.router.spi.RateLimiter} so that they all decide alike.
 *
 * <p>A quota of {@code L} per minute gives each unit an <em>interval</em> of {@code 60 s / L}. The
 * state of one quota is a single instant, its <em>theoretical arrival time</em> (TAT): the moment by
 * which everything admitted so far would have drained at the quota's rate. Taking {@code n} units
 * moves it to {@code max(TAT, now) + n × interval}. A unit fits while the TAT it would leave is at
 * most one window ahead of now, which allows bursts of up to {@code L} and then one unit per
 * interval; the wait before a refused unit fits is exactly how far it overshoots, so Retry-After is
 * precise. Requests are checked and counted at admission; tokens are only known afterwards, so they
 * are added when recorded (capped at two windows ahead, so that one huge response blocks a key for at
 * most about a minute longer) and admission checks that at least one token still fits.
 *
 * <p>All times are microseconds since the epoch: exact integers in a Lua double as well, so the
 * Redis script does the same arithmetic without rounding.
 */
public final class Gcra {

    /** The window every quota is expressed in. */
    public static final long WINDOW_MICROS = 60_000_000L;

    private Gcra() {}

    /** {@code clock}'s now in microseconds since the epoch. */
    public static long nowMicros(InstantSource clock) {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** The interval of one unit of a per-minute quota, at least 1 µs; 0 when there is no quota. */
    public static long interval(OptionalLong perMinute) {
        return perMinute.isPresent() ? Math.max(1, WINDOW_MICROS / perMinute.getAsLong()) : 0;
    }

    /** How far {@code tokens} move the TAT of a {@code tokensPerMinute} quota, at most two windows. */
    public static long tokenIncrement(long tokens, long tokensPerMinute) {
        double micros = (double) tokens * WINDOW_MICROS / tokensPerMinute;
        return Math.max(1, (long) Math.min(Math.ceil(micros), 2.0 * WINDOW_MICROS));
    }

    /** How long before one more unit fits (positive) or by how much it already fits (zero or less). */
    static long wait(long tat, long now, long interval) {
        return Math.max(tat, now) + interval - now - WINDOW_MICROS;
    }

    /** The TAT after adding {@code increment}, capped at two windows ahead of now. */
    static long add(long tat, long now, long increment) {
        return Math.min(Math.max(tat, now) + increment, now + 2 * WINDOW_MICROS);
    }

    /** The refusal that names whichever limit makes the caller wait longer. */
    public static RateDecision refusal(long requestWait, long tokenWait) {
        return requestWait >= tokenWait
                ? RateDecision.refuse(RateDecision.REQUESTS, retryAfter(requestWait))
                : RateDecision.refuse(RateDecision.TOKENS, retryAfter(tokenWait));
    }

    private static Duration retryAfter(long waitMicros) {
        return Duration.ofSeconds(Math.max(1, Math.ceilDiv(waitMicros, 1_000_000L)));
    }
}
