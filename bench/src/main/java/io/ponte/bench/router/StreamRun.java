package io.ponte.bench.router;

import io.ponte.bench.router.ProcStats.Proc;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Many concurrent chat streams, each on its own connection. First a warm-up round of short streams
 * on every path (it also opens the connections, which the measured rounds reuse), then the measured
 * round on each path in turn, during which the observed processes' RSS is sampled and their CPU time
 * counted.
 */
final class StreamRun {

    /** Streams, chunks per stream, start ramp, client threads, chunks per warm-up stream. */
    record Settings(int streams, int chunks, long rampMillis, int threads, int warmupChunks) {}

    /** One path's measured round. */
    record Row(
            String path,
            int streams,
            int failed,
            String firstProblem,
            int maxOpen,
            double seconds,
            Dist ttft,
            Dist gap,
            Map<String, Long> rssPeakKb,
            Map<String, Double> cpuUsPerChunk) {
        JsonObject toJson() {
            return new JsonObject()
                    .put("path", path)
                    .put("streams", streams)
                    .put("failed", failed)
                    .put("first_problem", firstProblem)
                    .put("max_open", maxOpen)
                    .put("seconds", Dist.round(seconds))
                    .put("ttft", ttft.toJson())
                    .put("chunk_gap", gap.toJson())
                    .put("rss_peak_kb", new JsonObject(new LinkedHashMap<>(rssPeakKb)))
                    .put("cpu_us_per_chunk", ThroughputRun.roundAll(cpuUsPerChunk));
        }
    }

    private final Vertx vertx;
    private final String model;
    private final Settings s;

    private StreamRun(Vertx vertx, String model, Settings s) {
        this.vertx = vertx;
        this.model = model;
        this.s = s;
    }

    static List<Row> run(
            Vertx vertx,
            List<Target> targets,
            String model,
            Settings s,
            RssSampler rss,
            List<Proc> procs,
            long ticksPerSecond,
            Quiet quiet) {
        var run = new StreamRun(vertx, model, s);
        Map<Target, List<Lane>> lanes = new LinkedHashMap<>();
        targets.forEach(t -> lanes.put(t, Lane.spread(vertx, t, s.threads(), s.streams())));
        lanes.values().forEach(l -> run.round(l, s.warmupChunks(), new AtomicInteger(), new AtomicInteger()));
        List<Row> rows = targets.stream()
                .map(t ->
                        quiet.guard("streams " + t.name(), () -> run.measure(lanes.get(t), rss, procs, ticksPerSecond)))
                .toList();
        lanes.values().forEach(l -> l.forEach(Lane::close));
        return rows;
    }

    private Row measure(List<Lane> lanes, RssSampler rss, List<Proc> procs, long ticksPerSecond) {
        String path = lanes.getFirst().target().name();
        rss.startWindow();
        Map<String, Long> ticksBefore = ProcStats.ticks(procs);
        long start = System.nanoTime();
        var open = new AtomicInteger();
        var maxOpen = new AtomicInteger();
        List<StreamBatch> batches = round(lanes, s.chunks(), open, maxOpen);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> ticksAfter = ProcStats.ticks(procs);
        Map<String, Long> peaks = rss.windowPeaks();

        Histogram ttft = Dist.nanos();
        Histogram gaps = Dist.nanos();
        int failed = 0;
        String problem = null;
        for (StreamBatch b : batches) {
            ttft.add(b.ttft());
            gaps.add(b.gaps());
            failed += b.failed();
            problem = problem == null ? b.firstProblem() : problem;
        }
        double chunks = (double) s.streams() * s.chunks();
        Map<String, Double> cpu = new LinkedHashMap<>();
        procs.forEach(p -> cpu.put(
                p.name(), (ticksAfter.get(p.name()) - ticksBefore.get(p.name())) * 1e6 / ticksPerSecond / chunks));
        System.err.printf(
                "streams %-7s %d streams, %d failed, max open %d, TTFT p50 %.1f µs, gap p50 %.1f µs%n",
                path,
                s.streams(),
                failed,
                maxOpen.get(),
                Dist.of(ttft).p50(),
                Dist.of(gaps).p50());
        return new Row(
                path, s.streams(), failed, problem, maxOpen.get(), seconds, Dist.of(ttft), Dist.of(gaps), peaks, cpu);
    }

    private List<StreamBatch> round(List<Lane> lanes, int chunks, AtomicInteger open, AtomicInteger maxOpen) {
        Buffer body = ChatPayloads.request(model, true, chunks);
        int n = lanes.size();
        return Lane.onEach(lanes, lane -> {
            int i = lanes.indexOf(lane);
            int count = s.streams() / n + (i < s.streams() % n ? 1 : 0);
            return new StreamBatch(vertx, lane, body, count, chunks, s.rampMillis(), open, maxOpen).start();
        });
    }
}
