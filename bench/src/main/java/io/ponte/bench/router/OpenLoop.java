package io.ponte.bench.router;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.impl.ContextInternal;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Sends requests on one lane at a fixed rate whatever the responses do. Latency counts from the
 * moment a request was due, not from when it left, so a stall shows up in every request it delays
 * (no coordinated omission). A timer set for the next due time (microsecond precision with the
 * epoll transport) sends whatever has come due. Runs on the lane's context.
 */
final class OpenLoop {
    private final Lane lane;
    private final Buffer body;
    private final double intervalNanos;
    private final long total;
    private final long backlogLimit;
    private final Histogram latency = Dist.nanos();
    private final Promise<OpenLoop> done = Promise.promise();
    private long startNanos;
    private long recordFromNanos;
    private final long settleNanos;
    private long sent;
    private long outstanding;
    private long errors;
    private long lastCompletionNanos;
    private boolean overloaded;

    /**
     * @param perSecond rate on this lane
     * @param seconds how long to send
     * @param settleSeconds leading part of the run whose latencies are not recorded
     */
    OpenLoop(Lane lane, Buffer body, double perSecond, double seconds, double settleSeconds) {
        this.lane = lane;
        this.body = body;
        this.intervalNanos = 1e9 / perSecond;
        this.total = Math.max(1, Math.round(perSecond * seconds));
        this.backlogLimit = Math.max(1000, Math.round(perSecond));
        this.settleNanos = Math.round(settleSeconds * 1e9);
    }

    Future<OpenLoop> start() {
        startNanos = System.nanoTime();
        recordFromNanos = startNanos + settleNanos;
        tick();
        return done.future();
    }

    private void tick() {
        long now = System.nanoTime();
        while (sent < total) {
            long due = startNanos + Math.round(sent * intervalNanos);
            if (due > now) {
                break;
            }
            if (outstanding >= backlogLimit) {
                // A second's worth of requests waiting: this rate is beyond what the path can take.
                overloaded = true;
                break;
            }
            send(due);
            sent++;
        }
        if (sent == total || overloaded) {
            finishIfIdle();
            return;
        }
        long next = startNanos + Math.round(sent * intervalNanos);
        ContextInternal context = (ContextInternal) lane.context();
        context.nettyEventLoop()
                .schedule(
                        () -> context.emit(null, v -> tick()),
                        Math.max(0, next - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
    }

    private void send(long due) {
        outstanding++;
        lane.call(body).onComplete(ar -> {
            long now = System.nanoTime();
            outstanding--;
            lastCompletionNanos = now;
            if (ar.succeeded() && ar.result() == 200) {
                if (due >= recordFromNanos) {
                    latency.recordValue(now - due);
                }
            } else {
                errors++;
            }
            if (sent == total || overloaded) {
                finishIfIdle();
            }
        });
    }

    private void finishIfIdle() {
        if (outstanding == 0) {
            done.tryComplete(this);
        }
    }

    Histogram latency() {
        return latency;
    }

    long sent() {
        return sent;
    }

    long errors() {
        return errors;
    }

    boolean overloaded() {
        return overloaded;
    }

    /** Completed requests per second from the first due time to the last response. */
    double achievedPerSecond() {
        double seconds = (lastCompletionNanos - startNanos) / 1e9;
        return seconds <= 0 ? 0 : (sent - errors) / seconds;
    }
}
