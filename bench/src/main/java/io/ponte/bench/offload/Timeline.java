package io.ponte.bench.offload;

import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * When each job or pod was asked for, accepted, first seen started (running or already finished)
 * and first seen finished, in nanoseconds of {@link System#nanoTime()}.
 */
final class Timeline {
    private final Map<String, long[]> times = new ConcurrentHashMap<>();
    private final Histogram submit = Latency.histogram();
    private long firstAsked = Long.MAX_VALUE;
    private long lastAccepted;
    private long lastDone;

    synchronized void submitted(String id, long asked, long accepted) {
        times.put(id, new long[] {asked, accepted, 0, 0});
        submit.recordValue(accepted - asked);
        firstAsked = Math.min(firstAsked, asked);
        lastAccepted = Math.max(lastAccepted, accepted);
    }

    /** Records what a poll at {@code now} saw; returns whether the job is finished. */
    synchronized boolean seen(String id, boolean started, boolean done, long now) {
        long[] t = times.get(id);
        if (t == null) {
            return false;
        }
        if ((started || done) && t[2] == 0) {
            t[2] = now;
        }
        if (done && t[3] == 0) {
            t[3] = now;
            lastDone = Math.max(lastDone, now);
        }
        return t[3] != 0;
    }

    synchronized boolean allDone() {
        return times.values().stream().allMatch(t -> t[3] != 0);
    }

    synchronized JsonObject toJson() {
        Histogram started = Latency.histogram();
        Histogram done = Latency.histogram();
        for (long[] t : times.values()) {
            if (t[2] != 0) {
                started.recordValue(t[2] - t[0]);
            }
            if (t[3] != 0) {
                done.recordValue(t[3] - t[0]);
            }
        }
        double acceptSeconds = (lastAccepted - firstAsked) / 1e9;
        return new JsonObject()
                .put("count", times.size())
                .put("submit", Latency.of(submit).toJson())
                .put("submissions_per_s", Latency.round(times.size() / acceptSeconds))
                .put("to_started", Latency.of(started).toJson())
                .put("to_finished", Latency.of(done).toJson())
                .put("makespan_s", Latency.round((lastDone - firstAsked) / 1e9))
                .put("finished", done.getTotalCount());
    }
}
