package io.ponte.router.core;

import java.time.Duration;

/**
 * Passive outlier detection for one replica: after a run of consecutive failures the replica is
 * ejected for a cool-down that doubles with each repeated ejection, up to a cap.
 */
public final class OutlierState {

    private int consecutiveFailures;
    private int ejections;
    private volatile long ejectedUntilNanos;

    /** Whether the replica is ejected at {@code nowNanos}. */
    public boolean ejected(long nowNanos) {
        long until = ejectedUntilNanos;
        return until != 0 && nowNanos - until < 0;
    }

    /** A request succeeded: the failure run ends and the ejection back-off resets. */
    public synchronized void success() {
        consecutiveFailures = 0;
        if (ejectedUntilNanos != 0 && System.nanoTime() - ejectedUntilNanos >= 0) {
            ejections = 0;
            ejectedUntilNanos = 0;
        }
    }

    /**
     * A request failed in a way that speaks about the replica (connect error, 5xx, timeout).
     *
     * @return true when this failure ejected the replica
     */
    public synchronized boolean failure(long nowNanos, int threshold, Duration base, Duration max) {
        consecutiveFailures++;
        if (consecutiveFailures < threshold || ejected(nowNanos)) {
            return false;
        }
        long length = Math.min(max.toNanos(), base.toNanos() << Math.min(ejections, 20));
        ejections++;
        consecutiveFailures = 0;
        ejectedUntilNanos = nowNanos + Math.max(length, 1);
        return true;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized void copyFrom(OutlierState other) {
        synchronized (other) {
            consecutiveFailures = other.consecutiveFailures;
            ejections = other.ejections;
            ejectedUntilNanos = other.ejectedUntilNanos;
        }
    }
}
