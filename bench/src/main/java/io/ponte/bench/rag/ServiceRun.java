package io.ponte.bench.rag;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** One service start of the run: how it started (see {@link Start}) and its memory after each phase. */
record ServiceRun(Start start, List<Memory> memory) {

    /**
     * How a service started: its command line, how long until ready and, for a start with a start-up ingestion, that
     * ingestion's own report from the log and the CPU used until ready.
     *
     * @param name {@code ingest}, {@code hybrid} or {@code rerank}
     * @param command the command line, with the JDK shown as {@code java} and paths relative to the repository
     */
    record Start(
            String name,
            String command,
            double readyMs,
            Optional<RagService.StartupIngest> startup,
            Cpu.Use untilReady) {}

    String name() {
        return start.name();
    }

    /** The highest VmHWM read: the peak resident set of the whole life of the service. */
    double peakMb() {
        return memory.stream().mapToDouble(Memory::hwmMb).max().orElse(Double.NaN);
    }

    JsonObject toJson() {
        var mem = new JsonArray();
        memory.forEach(m -> mem.add(m.toJson()));
        var cpuMs = new JsonObject();
        start.untilReady().cpuMs().forEach((k, v) -> cpuMs.put(k, Math.round(v)));
        var out = new JsonObject()
                .put("name", start.name())
                .put("command", start.command())
                .put("ready_ms", Latency.round(start.readyMs()))
                .put(
                        "until_ready_machine_busy_percent",
                        Latency.round(start.untilReady().busyPercent()))
                .put(
                        "until_ready_other_processes_percent",
                        Latency.round(start.untilReady().othersPercent()))
                .put("until_ready_cpu_ms", cpuMs)
                .put("memory", mem);
        start.startup()
                .ifPresent(s -> out.put(
                        "startup_ingest",
                        new JsonObject()
                                .put("collection", s.collection())
                                .put("files", s.files())
                                .put("added", s.added())
                                .put("updated", s.updated())
                                .put("unchanged", s.unchanged())
                                .put("removed", s.removed())
                                .put("millis", s.millis())));
        return out;
    }
}
