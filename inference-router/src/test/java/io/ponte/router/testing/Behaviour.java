package io.ponte.router.testing;

import java.time.Duration;

/**
 * How the fake upstream answers one request.
 *
 * @param fault what to break
 * @param status the status for {@link Fault#STATUS}
 * @param retryAfter the Retry-After header for {@link Fault#STATUS} (null for none)
 * @param headersDelay wait before the status line
 * @param firstTokenDelay wait between headers and the first event
 * @param gap wait between events
 * @param chunks content events in a stream
 * @param sendDone whether a stream ends with {@code data: [DONE]}
 */
public record Behaviour(
        Fault fault,
        int status,
        String retryAfter,
        Duration headersDelay,
        Duration firstTokenDelay,
        Duration gap,
        int chunks,
        boolean sendDone) {

    public static Behaviour ok() {
        return new Behaviour(Fault.NONE, 200, null, Duration.ZERO, Duration.ZERO, Duration.ZERO, 3, true);
    }

    public static Behaviour fault(Fault fault) {
        return ok().with(fault);
    }

    public static Behaviour status(int status, String retryAfter) {
        return new Behaviour(Fault.STATUS, status, retryAfter, Duration.ZERO, Duration.ZERO, Duration.ZERO, 3, true);
    }

    public Behaviour with(Fault f) {
        return new Behaviour(f, status, retryAfter, headersDelay, firstTokenDelay, gap, chunks, sendDone);
    }

    public Behaviour headersDelay(Duration d) {
        return new Behaviour(fault, status, retryAfter, d, firstTokenDelay, gap, chunks, sendDone);
    }

    public Behaviour firstTokenDelay(Duration d) {
        return new Behaviour(fault, status, retryAfter, headersDelay, d, gap, chunks, sendDone);
    }

    public Behaviour gap(Duration d) {
        return new Behaviour(fault, status, retryAfter, headersDelay, firstTokenDelay, d, chunks, sendDone);
    }

    public Behaviour chunks(int n) {
        return new Behaviour(fault, status, retryAfter, headersDelay, firstTokenDelay, gap, n, sendDone);
    }
}
