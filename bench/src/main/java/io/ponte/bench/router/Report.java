package io.ponte.bench.router;

import java.util.List;
import java.util.Optional;

/** Renders a run's results as a markdown section for RESULTS.md. */
final class Report {
    private static final String DIRECT = "direct";
    private final Results r;
    private final StringBuilder md = new StringBuilder();

    private Report(Results r) {
        this.r = r;
    }

    static String markdown(Results r) {
        var report = new Report(r);
        report.header();
        if (r.latency() != null) {
            r.latency().forEach(report::latency);
        }
        if (r.rates() != null) {
            report.rates();
        }
        if (r.throughput() != null) {
            report.throughput();
        }
        report.memory();
        if (r.streams() != null) {
            report.streams();
        }
        return report.md.toString();
    }

    private void header() {
        RunInfo i = r.info();
        Params p = r.params();
        line("## Router bench, " + i.date() + (p.label().isEmpty() ? "" : " — " + p.label()));
        line("");
        line("- machine: " + i.cpuModel() + ", " + i.cpus() + " CPUs, " + i.memTotalMb() + " MiB, Linux " + i.kernel());
        line("- load average at start: " + i.loadAverage());
        line("- JDK (harness): " + i.jdk() + "; harness and upstream on Vert.x " + i.clientTransport());
        line("- nginx: " + i.nginx());
        line("- commit: " + i.commit() + (i.dirty() ? " (work tree dirty)" : " (clean)"));
        line("- paths: " + String.join(", ", p.urls().keySet())
                + (p.quick() ? " — **quick run, short durations**" : ""));
        line("- parameters: warm-up " + p.warmupSeconds() + " s; latency " + p.latencyRequests()
                + " requests/path; rates " + p.rates() + " req/s, " + p.stepSeconds() + " s/step, "
                + p.connections() + " connections, budget p99 +" + p.budgetMs() + " ms; throughput "
                + p.throughputRequests() + " requests/path on " + p.connections() + " connections; "
                + p.streams() + " streams × " + p.streamChunks() + " chunks, " + p.upstreamChunkGapMs()
                + " ms apart, started over " + p.streamRampMs() + " ms; client threads " + p.clientThreads());
        i.commandLines().forEach((name, cmd) -> line("- " + name + ": `" + cmd + "`"));
        line("");
        line("Every process shares the same cores, the load generator included: read the deltas and"
                + " ratios between paths of this run, not the absolute numbers.");
        line("");
        cpuShares();
    }

    private void cpuShares() {
        line("### CPU use by section (% of all CPUs, over the measurements kept)");
        line("");
        line("| section | machine busy | benchmark processes | other processes | steal | steps repeated |");
        line("|---|---:|---:|---:|---:|---:|");
        r.cpuShares()
                .forEach((name, c) -> line("| %s | %.0f | %.0f | %.0f | %.0f | %d |"
                        .formatted(
                                name,
                                c.busyPercent(),
                                c.observedPercent(),
                                c.othersPercent(),
                                c.stealPercent(),
                                r.repeatedSteps().getOrDefault(name, 0))));
        line("");
        line("A step during which other processes took ≥ " + fmt(r.params().maxOthersPercent())
                + "% of the CPUs was measured again (after waiting for quiet), up to "
                + r.params().quietTries()
                + " tries.");
        boolean disturbed = r.cpuShares().entrySet().stream()
                .anyMatch(e -> !e.getKey().equals("warmup")
                        && e.getValue().othersPercent() > r.params().maxOthersPercent());
        if (disturbed) {
            line("");
            line("**Other processes still used more than " + fmt(r.params().maxOthersPercent())
                    + "% of the CPUs in a measured section: this run was disturbed; do not use it as a reference.**");
        }
        line("");
    }

    private void latency(String mode, LatencyRun.Result l) {
        line("### Unloaded latency, " + mode + " (µs; 1 connection per path, paths interleaved request by request)");
        line("");
        line(
                mode.equals("split")
                        ? "Harness pinned to CPU 0, upstream and proxies to CPU 1: every path crosses CPUs twice."
                        : "No pinning: where the scheduler puts each thread decides how many cross-CPU wake-ups a"
                                + " path pays.");
        line("");
        line("| path | p50 | p90 | p99 | p99.9 | max | requests | errors |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|");
        l.latency()
                .forEach((path, d) -> line("| %s | %s | %s | %s | %s | %s | %d | %d |"
                        .formatted(
                                path,
                                us(d.p50()),
                                us(d.p90()),
                                us(d.p99()),
                                us(d.p999()),
                                us(d.max()),
                                d.count(),
                                l.errors().get(path))));
        Dist direct = l.latency().get(DIRECT);
        if (direct == null || l.latency().size() < 2) {
            line("");
            return;
        }
        line("");
        line("| added vs direct | p50 | p99 |");
        line("|---|---:|---:|");
        l.latency().forEach((path, d) -> {
            if (!path.equals(DIRECT)) {
                line("| %s | %s | %s |".formatted(path, us(d.p50() - direct.p50()), us(d.p99() - direct.p99())));
            }
        });
        Dist nginx = l.latency().get("nginx");
        Dist router = l.latency().get("router");
        if (nginx != null && router != null) {
            double ratio = (router.p50() - direct.p50()) / (nginx.p50() - direct.p50());
            line("");
            line("**%s: router-added / nginx-added at p50: %.2f×**".formatted(mode, ratio));
        }
        line("");
    }

    private void rates() {
        RateRun.Result rr = r.rates();
        List<String> paths = List.copyOf(r.params().urls().keySet());
        line("### Open-loop fixed rates (p99 µs from each request's due time; "
                + r.params().connections() + " connections)");
        line("");
        line("| rate/s | " + String.join(" | ", paths) + " |");
        line("|---:|" + "---:|".repeat(paths.size()));
        for (int rate : rr.steps().stream().map(RateRun.Step::rate).distinct().toList()) {
            StringBuilder row = new StringBuilder("| " + rate + " |");
            for (String path : paths) {
                row.append(' ').append(cell(rr, rate, path)).append(" |");
            }
            line(row.toString());
        }
        line("");
        line("Cells: p99 (+ added over direct at the same rate); ! = fell a second behind, E = failed requests;"
                + " r = a failing step measured again, together with direct, and this is the second result.");
        line("");
        rr.sustained()
                .forEach((path, rate) -> line("- **%s**: highest rate with p99 added < %s ms: %s req/s"
                        .formatted(path, fmt(rr.budgetMs()), (rr.passedAll().contains(path) ? "≥ " : "") + rate)));
        if (rr.directLimit() > 0) {
            line("- direct itself fell behind at " + rr.directLimit() + " req/s: the run stopped there.");
        }
        line("");
    }

    /** The last measurement of a path at a rate (a retry replaces a first failing try). */
    private static String cell(RateRun.Result rr, int rate, String path) {
        List<RateRun.Step> at = rr.steps().stream()
                .filter(s -> s.rate() == rate && s.path().equals(path))
                .toList();
        if (at.isEmpty()) {
            return "—";
        }
        RateRun.Step s = path.equals(DIRECT) ? at.getFirst() : at.getLast();
        String flags = (s.overloaded() ? " !" : "") + (s.errors() > 0 ? " E" : "") + (s.retry() ? " r" : "");
        String added = Double.isNaN(s.addedP99()) ? "" : " (+" + us(s.addedP99()) + ")";
        return us(s.latency().p99()) + added + flags;
    }

    private void throughput() {
        List<ThroughputRun.Row> rows = r.throughput();
        List<String> procs = List.copyOf(rows.getFirst().cpuUsPerRequest().keySet());
        line("### Closed-loop throughput and CPU per request (" + r.params().connections()
                + " connections, fixed request count per path)");
        line("");
        line("| path | req/s | p50 µs | p99 µs | errors | "
                + String.join(" | ", procs.stream().map(p -> "CPU µs/req " + p).toList()) + " |");
        line("|---|---:|---:|---:|---:|" + "---:|".repeat(procs.size()));
        for (ThroughputRun.Row row : rows) {
            StringBuilder sb = new StringBuilder("| %s | %.0f | %s | %s | %d |"
                    .formatted(
                            row.path(),
                            row.requestsPerSecond(),
                            us(row.latency().p50()),
                            us(row.latency().p99()),
                            row.errors()));
            procs.forEach(p ->
                    sb.append(' ').append(fmt(row.cpuUsPerRequest().get(p))).append(" |"));
            line(sb.toString());
        }
        Optional<ThroughputRun.Row> nginx =
                rows.stream().filter(x -> x.path().equals("nginx")).findFirst();
        Optional<ThroughputRun.Row> router =
                rows.stream().filter(x -> x.path().equals("router")).findFirst();
        if (nginx.isPresent() && router.isPresent()) {
            line("");
            line("**router throughput = %.0f%% of nginx; router CPU/request = %.2f× nginx's**"
                    .formatted(
                            100 * router.get().requestsPerSecond() / nginx.get().requestsPerSecond(),
                            router.get().cpuUsPerRequest().getOrDefault("router", Double.NaN)
                                    / nginx.get().cpuUsPerRequest().getOrDefault("nginx", Double.NaN)));
        }
        line("");
    }

    private void memory() {
        line("### Resident memory (VmRSS MiB, summed over each process tree)");
        line("");
        boolean streams = r.streams() != null;
        line("| process | idle (start) | peak (whole run) |" + (streams ? " peak during own streams |" : ""));
        line("|---|---:|---:|" + (streams ? "---:|" : ""));
        r.rssIdleKb().forEach((proc, idle) -> {
            String own = !streams
                    ? ""
                    : r.streams().stream()
                            .filter(s -> s.path().equals(proc))
                            .findFirst()
                            .map(s -> " " + mib(s.rssPeakKb().get(proc)) + " |")
                            .orElse(" — |");
            line("| %s | %s | %s |%s"
                    .formatted(proc, mib(idle), mib(r.rssPeakKb().get(proc)), own));
        });
        line("");
    }

    private void streams() {
        List<StreamRun.Row> rows = r.streams();
        Params p = r.params();
        line("### Streaming (%d concurrent streams × %d chunks, upstream gap %d ms, ≈ %d chunks/s in all; µs)"
                .formatted(
                        p.streams(),
                        p.streamChunks(),
                        p.upstreamChunkGapMs(),
                        Math.round(p.streams() * 1000.0 / Math.max(1, p.upstreamChunkGapMs()))));
        line("");
        line("| path | failed | max open | TTFT p50 | TTFT p99 | gap p50 | gap p99 | gap p99.9 | gap max |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (StreamRun.Row s : rows) {
            line("| %s | %d | %d | %s | %s | %s | %s | %s | %s |"
                    .formatted(
                            s.path(),
                            s.failed(),
                            s.maxOpen(),
                            us(s.ttft().p50()),
                            us(s.ttft().p99()),
                            us(s.gap().p50()),
                            us(s.gap().p99()),
                            us(s.gap().p999()),
                            us(s.gap().max())));
        }
        Optional<StreamRun.Row> direct =
                rows.stream().filter(x -> x.path().equals(DIRECT)).findFirst();
        if (direct.isPresent() && rows.size() > 1) {
            StreamRun.Row d = direct.get();
            line("");
            line("| added vs direct | TTFT p50 | TTFT p99 | gap p50 | gap p99 |");
            line("|---|---:|---:|---:|---:|");
            rows.stream()
                    .filter(x -> !x.path().equals(DIRECT))
                    .forEach(s -> line("| %s | %s | %s | %s | %s |"
                            .formatted(
                                    s.path(),
                                    us(s.ttft().p50() - d.ttft().p50()),
                                    us(s.ttft().p99() - d.ttft().p99()),
                                    us(s.gap().p50() - d.gap().p50()),
                                    us(s.gap().p99() - d.gap().p99()))));
        }
        List<String> procs = List.copyOf(rows.getFirst().cpuUsPerChunk().keySet());
        line("");
        line("| CPU µs per chunk | " + String.join(" | ", procs) + " |");
        line("|---|" + "---:|".repeat(procs.size()));
        for (StreamRun.Row s : rows) {
            StringBuilder sb = new StringBuilder("| " + s.path() + " |");
            procs.forEach(proc ->
                    sb.append(' ').append(fmt(s.cpuUsPerChunk().get(proc))).append(" |"));
            line(sb.toString());
        }
        rows.stream()
                .filter(s -> s.firstProblem() != null)
                .forEach(s -> line("- " + s.path() + " first failure: " + s.firstProblem()));
        line("");
    }

    private static String us(double v) {
        return Double.isNaN(v) ? "—" : "%.1f".formatted(v);
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "—" : "%.1f".formatted(v);
    }

    private static String mib(Long kb) {
        return kb == null || kb == 0 ? "—" : "%.1f".formatted(kb / 1024.0);
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
