package io.ponte.bench.registry;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** One measured phase: what was asked ({@code get}, {@code filter}, {@code edge}, {@code create}), of whom, how. */
record Phase(
        String name,
        String path,
        int concurrency,
        Latency latency,
        Map<String, Latency> byLabel,
        long errors,
        String firstError,
        double seconds,
        double throughput,
        Cpu.Use cpu,
        int repeats) {

    static final String SERVICE = "service";
    static final String JDBC = "jdbc";

    static Phase of(String name, String path, int concurrency, ClosedLoop.Outcome o, Cpu.Use cpu, int repeats) {
        Map<String, Latency> byLabel = new LinkedHashMap<>();
        o.byLabel().forEach((label, h) -> byLabel.put(label, Latency.of(h)));
        return new Phase(
                name,
                path,
                concurrency,
                Latency.of(o.all()),
                byLabel,
                o.errors(),
                o.firstError(),
                o.seconds(),
                o.throughput(),
                cpu,
                repeats);
    }

    /** CPU milliseconds the named process tree spent per completed request. */
    double cpuMsPerRequest(String process) {
        Double ms = cpu.cpuMs().get(process);
        return ms == null || latency.count() == 0 ? Double.NaN : ms / latency.count();
    }

    JsonObject toJson() {
        var labels = new JsonObject();
        byLabel.forEach((k, v) -> labels.put(k, v.toJson()));
        var cpuPerRequest = new JsonObject();
        cpu.cpuMs().keySet().forEach(p -> cpuPerRequest.put(p, Latency.round(cpuMsPerRequest(p))));
        return new JsonObject()
                .put("phase", name)
                .put("path", path)
                .put("concurrency", concurrency)
                .put("latency", latency.toJson())
                .put("by_label", labels)
                .put("errors", errors)
                .put("first_error", firstError)
                .put("seconds", Latency.round(seconds))
                .put("requests_per_second", Latency.round(throughput))
                .put("machine_busy_percent", Latency.round(cpu.busyPercent()))
                .put("other_processes_percent", Latency.round(cpu.othersPercent()))
                .put("repeats", repeats)
                .put("cpu_ms_per_request", cpuPerRequest);
    }
}
