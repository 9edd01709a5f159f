package io.ponte.bench.registry;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** Everything one run measured. */
record Results(
        RunInfo info,
        Params params,
        Loader.Result load,
        Cpu.Use loadCpu,
        double vacuumSeconds,
        String tableSize,
        List<Explain.Plan> plans,
        List<Phase> phases,
        long versionsAtEnd) {

    Optional<Phase> phase(String name, String path, int concurrency) {
        return phases.stream()
                .filter(p -> p.name().equals(name) && p.path().equals(path) && p.concurrency() == concurrency)
                .findFirst();
    }

    JsonObject toJson() {
        var plansJson = new JsonArray();
        plans.forEach(p -> plansJson.add(p.toJson()));
        var phasesJson = new JsonArray();
        phases.forEach(p -> phasesJson.add(p.toJson()));
        var loadCpuJson = new JsonObject()
                .put("machine_busy_percent", Latency.round(loadCpu.busyPercent()))
                .put("other_processes_percent", Latency.round(loadCpu.othersPercent()));
        loadCpu.cpuMs()
                .forEach((k, v) ->
                        loadCpuJson.put(k + "_cpu_ms_per_version", Latency.round(v / Math.max(1, load.versions()))));
        return new JsonObject()
                .put("info", info.toJson())
                .put("params", params.toJson())
                .put("load", load.toJson().put("cpu", loadCpuJson))
                .put("vacuum_analyze_seconds", Latency.round(vacuumSeconds))
                .put("entity_table_size", tableSize)
                .put("plans", plansJson)
                .put("phases", phasesJson)
                .put("model_versions_at_end", versionsAtEnd);
    }
}
