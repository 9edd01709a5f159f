package io.ponte.bench.rag;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * One {@code POST /rag/v1/ingest} as measured: the service's own report, the round trip, the CPU used meanwhile (the
 * whole machine, the service, the harness) and, for the long ones, the service's CPU by thread role.
 *
 * @param phase what was ingested ({@code full}, {@code unchanged}, {@code changed (median file)}, ...)
 * @param attempt 0 for the first try; a full ingest disturbed by other programs is tried again
 * @param expected what the report should say, e.g. {@code updated=1}; {@link #asExpected()} checks it
 */
record IngestStep(
        String phase,
        int attempt,
        String expected,
        JsonObject report,
        double wallMs,
        Cpu.Use cpu,
        Map<String, Double> threadCpuMs) {

    int files() {
        return report.getInteger("files", 0);
    }

    int passagesEmbedded() {
        return report.getInteger("passagesEmbedded", 0);
    }

    /** The service's own measure of the ingestion (from its walk to its commit). */
    long serviceMs() {
        return report.getLong("millis", -1L);
    }

    int failed() {
        return report.getJsonArray("failed").size();
    }

    /** Whether every {@code key=value} of {@link #expected} holds in the report, and nothing failed. */
    boolean asExpected() {
        if (failed() > 0) {
            return false;
        }
        for (String pair : expected.split(",")) {
            String[] kv = pair.trim().split("=");
            if (kv.length == 2 && report.getInteger(kv[0], -1) != Integer.parseInt(kv[1])) {
                return false;
            }
        }
        return true;
    }

    /** A one-line summary of the service's counts. */
    String counts() {
        return "%d files: %d added, %d updated, %d unchanged, %d removed, %d failed; %d passages embedded"
                .formatted(
                        files(),
                        report.getInteger("added", 0),
                        report.getInteger("updated", 0),
                        report.getInteger("unchanged", 0),
                        report.getInteger("removed", 0),
                        failed(),
                        passagesEmbedded());
    }

    double serviceCpuMs() {
        return cpu.cpuMs().getOrDefault("service", Double.NaN);
    }

    JsonObject toJson() {
        var threads = new JsonObject();
        threadCpuMs.forEach((k, v) -> threads.put(k, Math.round(v)));
        var cpuMs = new JsonObject();
        cpu.cpuMs().forEach((k, v) -> cpuMs.put(k, Math.round(v)));
        return new JsonObject()
                .put("phase", phase)
                .put("attempt", attempt)
                .put("expected", expected)
                .put("as_expected", asExpected())
                .put("report", report)
                .put("round_trip_ms", Latency.round(wallMs))
                .put("machine_busy_percent", Latency.round(cpu.busyPercent()))
                .put("other_processes_percent", Latency.round(cpu.othersPercent()))
                .put("cpu_ms", cpuMs)
                .put("service_cpu_ms_by_thread_role", threads);
    }
}
