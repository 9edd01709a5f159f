package io.ponte.bench.router;

import io.ponte.bench.router.ProcStats.Proc;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop saturation, one path after the other: {@code connections} requests always in flight
 * until a fixed number of requests has completed. Gives the maximum throughput and, from the
 * utime+stime of each observed process over the same requests, its CPU time per request.
 */
final class ThroughputRun {

    /** One path's run; CPU is per observed process (all of them, whichever path was driven). */
    record Row(
            String path,
            long requests,
            double seconds,
            double requestsPerSecond,
            Dist latency,
            long errors,
            Map<String, Double> cpuUsPerRequest) {
        JsonObject toJson() {
            return new JsonObject()
                    .put("path", path)
                    .put("requests", requests)
                    .put("seconds", Dist.round(seconds))
                    .put("requests_per_second", Math.round(requestsPerSecond))
                    .put("latency", latency.toJson())
                    .put("errors", errors)
                    .put("cpu_us_per_request", roundAll(cpuUsPerRequest));
        }
    }

    private ThroughputRun() {}

    static List<Row> run(
            Vertx vertx,
            List<Target> targets,
            Buffer body,
            Settings settings,
            List<Proc> procs,
            long ticksPerSecond,
            Quiet quiet) {
        return targets.stream()
                .map(t -> quiet.guard(
                        "throughput " + t.name(), () -> runOne(vertx, t, body, settings, procs, ticksPerSecond)))
                .toList();
    }

    /** How hard and how long to drive each path. */
    record Settings(int connections, int threads, long requests, Duration warmup) {}

    /** Closed-loop load on each path in turn for {@code duration}, so every JIT has compiled the hot paths. */
    static void warm(Vertx vertx, List<Target> targets, Buffer body, int connections, int threads, Duration duration) {
        for (Target target : targets) {
            List<Lane> lanes = Lane.spread(vertx, target, threads, connections);
            drive(lanes, body, connections, Long.MAX_VALUE, System.nanoTime() + duration.toNanos());
            lanes.forEach(Lane::close);
        }
    }

    private static Row runOne(
            Vertx vertx, Target target, Buffer body, Settings s, List<Proc> procs, long ticksPerSecond) {
        List<Lane> lanes = Lane.spread(vertx, target, s.threads(), s.connections());
        long warmupEnd = System.nanoTime() + s.warmup().toNanos();
        drive(lanes, body, s.connections(), Long.MAX_VALUE, warmupEnd);

        Map<String, Long> before = ProcStats.ticks(procs);
        long start = System.nanoTime();
        List<ClosedLoop> loops = drive(lanes, body, s.connections(), s.requests(), Long.MAX_VALUE);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = ProcStats.ticks(procs);
        lanes.forEach(Lane::close);

        Histogram all = Dist.nanos();
        long errors = 0;
        for (ClosedLoop loop : loops) {
            all.add(loop.latency());
            errors += loop.errors();
        }
        long ok = all.getTotalCount();
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (Proc p : procs) {
            double us = (after.get(p.name()) - before.get(p.name())) * 1e6 / ticksPerSecond;
            cpu.put(p.name(), ok == 0 ? Double.NaN : us / ok);
        }
        return new Row(target.name(), ok, seconds, ok / seconds, Dist.of(all), errors, cpu);
    }

    private static List<ClosedLoop> drive(
            List<Lane> lanes, Buffer body, int connections, long requests, long deadline) {
        int n = lanes.size();
        return Lane.onEach(lanes, lane -> {
            int i = lanes.indexOf(lane);
            int inFlight = connections / n + (i < connections % n ? 1 : 0);
            long share = requests == Long.MAX_VALUE ? requests : requests / n + (i < requests % n ? 1 : 0);
            return new ClosedLoop(lane, body, Math.max(1, inFlight), share, deadline).start();
        });
    }

    static JsonObject roundAll(Map<String, Double> values) {
        var json = new JsonObject();
        values.forEach((k, v) -> json.put(k, Dist.round(v)));
        return json;
    }
}
