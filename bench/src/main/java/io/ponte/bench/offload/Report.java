package io.ponte.bench.offload;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The markdown of one run: its section for RESULTS.md and the summary at the top. */
final class Report {
    private final JsonObject raw;
    private final String label;
    private final JsonObject phases;

    Report(JsonObject raw, String label) {
        this.raw = raw;
        this.label = label;
        this.phases = raw.getJsonObject("phases");
    }

    String section() {
        JsonObject m = raw.getJsonObject("machine");
        JsonObject g = raw.getJsonObject("git");
        JsonObject p = raw.getJsonObject("parameters");
        StringBuilder b = new StringBuilder();
        b.append("## Offload bench, ").append(raw.getString("started"));
        if (!label.isBlank()) {
            b.append(" — ").append(label);
        }
        b.append("\n\n");
        b.append(f(
                "- machine: %s, %d CPUs, %d MiB, Linux %s; load average at start %s%n",
                m.getString("cpu_model"),
                m.getInteger("cpus"),
                m.getLong("mem_total_mb"),
                m.getString("kernel"),
                m.getString("load_average_at_start")));
        b.append(f("- JDK (harness): %s%n", m.getString("jdk")));
        b.append(f("- commit: %s%s%n", g.getString("commit"), g.getBoolean("dirty") ? " (work tree dirty)" : ""));
        b.append(f(
                "- parameters: %d trivial pods / baseline jobs, %d tracked pods, client poll every %d ms, "
                        + "%d one-pod and %d all-pod status requests%n",
                p.getInteger("pods"),
                p.getInteger("tracked"),
                p.getLong("poll_ms"),
                p.getInteger("single_requests"),
                p.getInteger("batch_requests")));
        b.append(f("- bridge: %s%n%n", p.getString("bridge_settings")));

        b.append(f("### One trivial job at a time (%d each, node idle)%n%n", p.getInteger("sequential")));
        b.append(trivialHeader());
        b.append(trivialRow("sbatch + squeue", result("baseline_single")));
        b.append(trivialRow("bridge /create + /status", result("bridge_single")));
        b.append("\n");
        JsonObject base = result("baseline");
        JsonObject bridge = result("bridge");
        b.append("### Trivial jobs: sbatch + squeue (floor) vs pods through the bridge\n\n");
        b.append(f("%d submitted back to back, queued behind the node's CPUs:%n%n", p.getInteger("pods")));
        b.append(trivialHeader());
        b.append(trivialRow("sbatch + squeue", base));
        b.append(trivialRow("bridge /create + /status", bridge));
        b.append("\nTimes are from the submit (create) request to the first poll that saw the job started "
                + "(running or already finished) or finished; both sides poll every " + p.getLong("poll_ms")
                + " ms, so each carries up to one poll period of observation delay.\n\n");

        JsonObject fill = result("fill");
        JsonObject status = result("status");
        JsonObject floor = result("squeue_floor");
        JsonObject delete = result("delete");
        b.append(f(
                "### %d tracked pods (%d finished, %d queued behind the node's CPUs)%n%n",
                status.getInteger("tracked"), p.getInteger("pods"), fill.getInteger("created")));
        b.append("| | p50 ms | p99 ms | max ms | n |\n|---|---:|---:|---:|---:|\n");
        b.append(latencyRow("/create of a queued pod", fill.getJsonObject("create")));
        b.append(latencyRow("/status, one pod per request (as the VK asks)", status.getJsonObject("one_pod")));
        b.append(latencyRow(
                "/status, all " + status.getInteger("tracked") + " pods in one request",
                status.getJsonObject("all_pods")));
        b.append(latencyRow(
                "squeue --jobs=<all " + floor.getInteger("jobs") + "> -t all (floor of one refresh)", floor));
        b.append(latencyRow("/delete (scancel + cleanup)", delete.getJsonObject("delete")));
        b.append(f("%nQueued pods were created at %.1f per s.%n%n", fill.getDouble("creates_per_s")));

        b.append("### CPU and memory by phase\n\n");
        b.append("| phase | seconds | bridge CPU-ms | slurmctld CPU-ms | slurmd CPU-ms | harness CPU-ms "
                + "| machine busy % | bridge RSS peak MiB |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String phase : new String[] {
            "baseline_single", "bridge_single", "baseline", "bridge", "fill", "status", "squeue_floor", "delete"
        }) {
            JsonObject ph = phases.getJsonObject(phase);
            JsonObject cpu = ph.getJsonObject("cpu_ms");
            b.append(f(
                    "| %s | %.1f | %s | %s | %s | %s | %d | %d |%n",
                    phase,
                    ph.getDouble("seconds"),
                    ms(cpu, "bridge"),
                    ms(cpu, "slurmctld"),
                    ms(cpu, "slurmd"),
                    ms(cpu, "harness"),
                    ph.getLong("machine_busy_percent"),
                    ph.getLong("bridge_rss_peak_mb")));
        }
        b.append(f(
                "%nBridge RSS before the first pod: %d MiB. Bridge CPU per trivial pod (create, status polls, "
                        + "Slurm queries): %.1f ms.%n%n",
                phases.getLong("bridge_rss_idle_mb"),
                phases.getJsonObject("bridge").getJsonObject("cpu_ms").getDouble("bridge", 0.0)
                        / Math.max(1, p.getInteger("pods"))));
        return b.toString();
    }

    String summary() {
        JsonObject base = result("baseline");
        JsonObject bridge = result("bridge");
        JsonObject status = result("status");
        StringBuilder b = new StringBuilder();
        b.append("## Summary (latest run: ")
                .append(raw.getString("started"))
                .append(", commit ")
                .append(raw.getJsonObject("git").getString("commit"))
                .append(")\n\n");
        b.append("| measure | bridge | floor (Slurm alone) |\n|---|---:|---:|\n");
        b.append(f(
                "| create / sbatch p50 | %s ms | %s ms |%n",
                v(bridge, "submit", "p50_ms"), v(base, "submit", "p50_ms")));
        b.append(f(
                "| accepted per s (one client) | %.1f | %.1f |%n",
                bridge.getDouble("submissions_per_s"), base.getDouble("submissions_per_s")));
        b.append(f(
                "| to started p50 | %s ms | %s ms |%n",
                v(bridge, "to_started", "p50_ms"), v(base, "to_started", "p50_ms")));
        b.append(f(
                "| to finished p50 | %s ms | %s ms |%n",
                v(bridge, "to_finished", "p50_ms"), v(base, "to_finished", "p50_ms")));
        b.append(f(
                "| %d pods finished after | %.1f s | %.1f s |%n",
                bridge.getInteger("count"), bridge.getDouble("makespan_s"), base.getDouble("makespan_s")));
        b.append(f(
                "| /status p50 / p99, one pod, %d tracked | %s / %s ms | |%n",
                status.getInteger("tracked"), v(status, "one_pod", "p50_ms"), v(status, "one_pod", "p99_ms")));
        b.append(f(
                "| /status p50, all %d pods in one request | %s ms | squeue: %s ms |%n",
                status.getInteger("tracked"),
                v(status, "all_pods", "p50_ms"),
                result("squeue_floor").getValue("p50_ms")));
        long peak = 0;
        for (String phase : new String[] {"bridge", "fill", "status", "delete"}) {
            peak = Math.max(peak, phases.getJsonObject(phase).getLong("bridge_rss_peak_mb"));
        }
        b.append(f("| bridge RSS idle / peak | %d / %d MiB | |%n", phases.getLong("bridge_rss_idle_mb"), peak));
        b.append(f(
                "| bridge CPU per trivial pod | %.1f ms | |%n%n",
                phases.getJsonObject("bridge").getJsonObject("cpu_ms").getDouble("bridge", 0.0)
                        / Math.max(1, raw.getJsonObject("parameters").getInteger("pods"))));
        return b.toString();
    }

    private JsonObject result(String phase) {
        return phases.getJsonObject(phase).getJsonObject("result");
    }

    private static String trivialHeader() {
        return "| | submit / create p50 | p99 | accepted per s | to started p50 | p99 | to finished p50 | p99 "
                + "| all finished after |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    }

    private static String trivialRow(String name, JsonObject r) {
        return f(
                "| %s | %s ms | %s ms | %.1f | %s ms | %s ms | %s ms | %s ms | %.1f s |%n",
                name,
                v(r, "submit", "p50_ms"),
                v(r, "submit", "p99_ms"),
                r.getDouble("submissions_per_s"),
                v(r, "to_started", "p50_ms"),
                v(r, "to_started", "p99_ms"),
                v(r, "to_finished", "p50_ms"),
                v(r, "to_finished", "p99_ms"),
                r.getDouble("makespan_s"));
    }

    private static String latencyRow(String name, JsonObject l) {
        return f(
                "| %s | %s | %s | %s | %s |%n",
                name, l.getValue("p50_ms"), l.getValue("p99_ms"), l.getValue("max_ms"), l.getValue("count"));
    }

    private static String v(JsonObject r, String key, String field) {
        Object value = r.getJsonObject(key).getValue(field);
        return value == null ? "–" : value.toString();
    }

    private static String ms(JsonObject cpu, String key) {
        return cpu.containsKey(key) ? String.format(Locale.ROOT, "%.0f", cpu.getDouble(key)) : "–";
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
