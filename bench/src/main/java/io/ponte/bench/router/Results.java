package io.ponte.bench.router;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured; sections that did not run are null. */
record Results(
        RunInfo info,
        Params params,
        Map<String, Long> rssIdleKb,
        Map<String, Long> rssPeakKb,
        Map<String, CpuShare> cpuShares,
        Map<String, Integer> repeatedSteps,
        Map<String, LatencyRun.Result> latency,
        RateRun.Result rates,
        List<ThroughputRun.Row> throughput,
        List<StreamRun.Row> streams) {

    JsonObject toJson() {
        var json = new JsonObject()
                .put("info", info.toJson())
                .put("params", params.toJson())
                .put("rss_idle_kb", new JsonObject(new LinkedHashMap<>(rssIdleKb)))
                .put("rss_peak_kb", new JsonObject(new LinkedHashMap<>(rssPeakKb)));
        var cpu = new JsonObject();
        cpuShares.forEach((k, v) -> cpu.put(k, v.toJson()));
        json.put("cpu_share_by_section", cpu);
        json.put("repeated_steps_by_section", new JsonObject(new LinkedHashMap<>(repeatedSteps)));
        if (latency != null) {
            var byMode = new JsonObject();
            latency.forEach((mode, result) -> byMode.put(mode, result.toJson()));
            json.put("latency", byMode);
        }
        if (rates != null) {
            json.put("rates", rates.toJson());
        }
        if (throughput != null) {
            var arr = new JsonArray();
            throughput.forEach(r -> arr.add(r.toJson()));
            json.put("throughput", arr);
        }
        if (streams != null) {
            var arr = new JsonArray();
            streams.forEach(r -> arr.add(r.toJson()));
            json.put("streams", arr);
        }
        return json;
    }
}
