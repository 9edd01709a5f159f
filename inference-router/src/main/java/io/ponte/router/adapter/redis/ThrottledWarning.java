package io.ponte.router.adapter.redis;

import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** A WARN that is logged at most once per period, saying how many like it were left out. */
final class ThrottledWarning {

    private final Logger log;
    private final long periodNanos;
    private final AtomicLong nextAt = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressed = new AtomicLong();

    ThrottledWarning(Logger log, long periodNanos) {
        this.log = log;
        this.periodNanos = periodNanos;
    }

    void warn(String message, Throwable cause) {
        long now = System.nanoTime();
        long next = nextAt.get();
        if (now - next < 0 || !nextAt.compareAndSet(next, now + periodNanos)) {
            suppressed.incrementAndGet();
            return;
        }
        long left = suppressed.getAndSet(0);
        log.warnf(
                "%s: %s%s",
                message, String.valueOf(cause), left > 0 ? " (" + left + " more since the last warning)" : "");
    }
}
