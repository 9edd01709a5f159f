package io.ponte.bench.router;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import org.HdrHistogram.Histogram;

/**
 * Keeps {@code inFlight} requests outstanding on one lane until {@code requests} have been sent or
 * the deadline passes; each response starts the next request. Runs on the lane's context.
 */
final class ClosedLoop {
    private final Lane lane;
    private final Buffer body;
    private final int inFlight;
    private final long deadlineNanos;
    private final Histogram latency = Dist.nanos();
    private final Promise<ClosedLoop> done = Promise.promise();
    private long remaining;
    private long active;
    private long errors;

    ClosedLoop(Lane lane, Buffer body, int inFlight, long requests, long deadlineNanos) {
        this.lane = lane;
        this.body = body;
        this.inFlight = inFlight;
        this.remaining = requests;
        this.deadlineNanos = deadlineNanos;
    }

    Future<ClosedLoop> start() {
        for (int i = 0; i < inFlight; i++) {
            next();
        }
        return done.future();
    }

    Histogram latency() {
        return latency;
    }

    long errors() {
        return errors;
    }

    private void next() {
        if (remaining == 0 || System.nanoTime() > deadlineNanos) {
            if (active == 0) {
                done.tryComplete(this);
            }
            return;
        }
        remaining--;
        active++;
        long start = System.nanoTime();
        lane.call(body).onComplete(ar -> {
            active--;
            if (ar.succeeded() && ar.result() == 200) {
                latency.recordValue(System.nanoTime() - start);
                next();
            } else {
                errors++;
                lane.context().runOnContext(v -> next());
            }
        });
    }
}
