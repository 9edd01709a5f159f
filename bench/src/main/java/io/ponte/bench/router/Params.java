package io.ponte.bench.router;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The settings a run used, after --quick and explicit options are resolved. */
record Params(
        Map<String, String> urls,
        Set<String> sections,
        String model,
        boolean quick,
        String label,
        int clientThreads,
        double warmupSeconds,
        int latencyRequests,
        List<String> latencyModes,
        List<Integer> rates,
        double stepSeconds,
        int connections,
        double budgetMs,
        long throughputRequests,
        int streams,
        int streamChunks,
        long streamRampMs,
        int streamWarmupChunks,
        long upstreamChunkGapMs,
        double maxOthersPercent,
        int quietTries) {

    static final List<String> ALL_SECTIONS = List.of("latency", "rate", "throughput", "stream");

    boolean runs(String section) {
        return sections.contains(section);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("urls", new JsonObject(new LinkedHashMap<>(urls)))
                .put("sections", new JsonArray(List.copyOf(sections)))
                .put("model", model)
                .put("quick", quick)
                .put("label", label)
                .put("client_threads", clientThreads)
                .put("warmup_seconds", warmupSeconds)
                .put("latency_requests_per_path", latencyRequests)
                .put("latency_modes", new JsonArray(latencyModes))
                .put("rates", new JsonArray(rates))
                .put("step_seconds", stepSeconds)
                .put("connections", connections)
                .put("added_p99_budget_ms", budgetMs)
                .put("throughput_requests_per_path", throughputRequests)
                .put("streams", streams)
                .put("stream_chunks", streamChunks)
                .put("stream_ramp_ms", streamRampMs)
                .put("stream_warmup_chunks", streamWarmupChunks)
                .put("upstream_chunk_gap_ms", upstreamChunkGapMs)
                .put("max_others_percent", maxOthersPercent)
                .put("quiet_tries", quietTries);
    }
}
