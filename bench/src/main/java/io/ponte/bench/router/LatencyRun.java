package io.ponte.bench.router;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Unloaded latency: one connection per path, one request in flight in the whole run, paths taken in
 * turn request by request (direct, nginx, router, direct, …) so that every path sees the same machine
 * state. Warm-up requests are not recorded; the recorded phase starts on a round boundary.
 */
final class LatencyRun {
    private static final int MAX_ERRORS = 1000;

    /** Latency per path and failed requests (non-200, empty body or I/O error) per path. */
    record Result(Map<String, Dist> latency, Map<String, Long> errors, long warmupRequests) {
        JsonObject toJson() {
            var lat = new JsonObject();
            latency.forEach((k, v) -> lat.put(k, v.toJson()));
            return new JsonObject()
                    .put("latency", lat)
                    .put("errors", new JsonObject(new LinkedHashMap<>(errors)))
                    .put("warmup_requests", warmupRequests);
        }
    }

    private final List<Lane> lanes;
    private final Histogram[] histograms;
    private final long[] errors;
    private final Buffer body;
    private final long warmupEndNanos;
    private final long recordedTotal;
    private final Promise<Void> done = Promise.promise();
    private long sent;
    private long warmupRequests = -1;

    private LatencyRun(List<Lane> lanes, Buffer body, Duration warmup, int perPath) {
        this.lanes = lanes;
        this.body = body;
        this.histograms = new Histogram[lanes.size()];
        for (int i = 0; i < histograms.length; i++) {
            histograms[i] = Dist.nanos();
        }
        this.errors = new long[lanes.size()];
        this.warmupEndNanos = System.nanoTime() + warmup.toNanos();
        this.recordedTotal = (long) perPath * lanes.size();
    }

    static Result run(Vertx vertx, List<Target> targets, Buffer body, Duration warmup, int perPath) {
        Context context = vertx.getOrCreateContext();
        List<Lane> lanes =
                targets.stream().map(t -> Lane.open(vertx, context, t, 1)).toList();
        var run = new LatencyRun(lanes, body, warmup, perPath);
        Lane.onEach(List.of(lanes.getFirst()), lane -> run.start());
        lanes.forEach(Lane::close);
        Map<String, Dist> latency = new LinkedHashMap<>();
        Map<String, Long> errors = new LinkedHashMap<>();
        for (int i = 0; i < lanes.size(); i++) {
            latency.put(lanes.get(i).target().name(), Dist.of(run.histograms[i]));
            errors.put(lanes.get(i).target().name(), run.errors[i]);
        }
        return new Result(latency, errors, run.warmupRequests);
    }

    private Future<Void> start() {
        next();
        return done.future();
    }

    private void next() {
        boolean recording = warmupRequests >= 0;
        if (!recording && sent % lanes.size() == 0 && System.nanoTime() >= warmupEndNanos) {
            warmupRequests = sent;
            recording = true;
        }
        if (recording && sent - warmupRequests == recordedTotal) {
            done.tryComplete();
            return;
        }
        int index = (int) (sent++ % lanes.size());
        boolean record = recording;
        Lane lane = lanes.get(index);
        long start = System.nanoTime();
        lane.call(body).onComplete(ar -> {
            long took = System.nanoTime() - start;
            if (ar.succeeded() && ar.result() == 200) {
                if (record) {
                    histograms[index].recordValue(took);
                }
                next();
            } else if (++errors[index] > MAX_ERRORS) {
                done.tryFail("more than " + MAX_ERRORS + " failed requests on " + lane.target() + ": "
                        + (ar.failed() ? ar.cause() : "status " + ar.result()));
            } else {
                lane.context().runOnContext(v -> next());
            }
        });
    }
}
