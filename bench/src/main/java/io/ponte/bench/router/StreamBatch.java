package io.ponte.bench.router;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Opens {@code count} chat streams on one lane, spread evenly over the ramp, and reads them all to
 * the end. Runs on the lane's context; {@code open} is shared by all lanes of a path.
 */
final class StreamBatch {
    private final Vertx vertx;
    private final Lane lane;
    private final Buffer body;
    private final int count;
    private final int expectedChunks;
    private final long rampNanos;
    private final AtomicInteger open;
    private final AtomicInteger maxOpen;
    private final Histogram ttft = Dist.nanos();
    private final Histogram gaps = Dist.nanos();
    private final Promise<StreamBatch> done = Promise.promise();
    private long startNanos;
    private long timer;
    private int started;
    private int finished;
    private int failed;
    private String firstProblem;

    StreamBatch(
            Vertx vertx,
            Lane lane,
            Buffer body,
            int count,
            int expectedChunks,
            long rampMillis,
            AtomicInteger open,
            AtomicInteger maxOpen) {
        this.vertx = vertx;
        this.lane = lane;
        this.body = body;
        this.count = count;
        this.expectedChunks = expectedChunks;
        this.rampNanos = rampMillis * 1_000_000;
        this.open = open;
        this.maxOpen = maxOpen;
    }

    Future<StreamBatch> start() {
        if (count == 0) {
            return Future.succeededFuture(this);
        }
        startNanos = System.nanoTime();
        timer = vertx.setPeriodic(1, id -> launchDue());
        launchDue();
        return done.future();
    }

    private void launchDue() {
        long now = System.nanoTime();
        while (started < count && startNanos + rampNanos * started / count <= now) {
            started++;
            launch();
        }
        if (started == count) {
            vertx.cancelTimer(timer);
        }
    }

    private void launch() {
        maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        long start = System.nanoTime();
        var reader = new SseReader(start, ttft, gaps);
        boolean[] ended = {false};
        lane.open(body).onComplete(ar -> {
            if (ar.failed()) {
                end(ended, ar.cause().toString());
                return;
            }
            HttpClientResponse response = ar.result();
            if (response.statusCode() != 200) {
                response.body().onComplete(b -> end(ended, "status " + response.statusCode() + " " + b.result()));
                return;
            }
            response.handler(buffer -> reader.onBuffer(buffer, System.nanoTime()));
            response.exceptionHandler(t -> end(ended, t.toString()));
            response.endHandler(v -> end(ended, reader.problem(expectedChunks)));
        });
    }

    private void end(boolean[] ended, String problem) {
        if (ended[0]) {
            return;
        }
        ended[0] = true;
        open.decrementAndGet();
        finished++;
        if (problem != null) {
            failed++;
            if (firstProblem == null) {
                firstProblem = problem;
            }
        }
        if (finished == count) {
            done.tryComplete(this);
        }
    }

    Histogram ttft() {
        return ttft;
    }

    Histogram gaps() {
        return gaps;
    }

    int failed() {
        return failed;
    }

    String firstProblem() {
        return firstProblem;
    }
}
