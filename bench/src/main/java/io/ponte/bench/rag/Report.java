package io.ponte.bench.rag;

import static io.ponte.bench.common.Format.ms;
import static io.ponte.bench.common.Format.num;
import static io.ponte.bench.common.Format.pct;

import io.ponte.bench.common.Latency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a run as a markdown section for RESULTS.md, and the summary kept at the top of that file. */
final class Report {
    private final Results r;
    private final StringBuilder md = new StringBuilder();

    private Report(Results r) {
        this.r = r;
    }

    /** The block between the summary markers: the latest run against the targets. */
    static String summary(Results r) {
        var report = new Report(r);
        report.line("Latest run: " + r.date() + ", " + report.where() + ".");
        report.line("");
        report.targets();
        return report.md.toString();
    }

    /** The run's own section, appended to RESULTS.md. */
    static String markdown(Results r) {
        var report = new Report(r);
        report.header();
        report.targets();
        report.ingest();
        report.reingests();
        report.queries(r.hybrid(), r.hybridTries().size());
        report.queries(r.rerank(), r.rerankTries().size());
        report.memory();
        return report.md.toString();
    }

    private String where() {
        var m = r.machine();
        var g = r.git();
        return "commit " + g.commit() + (g.dirty() ? " (work tree dirty)" : "") + " on branch " + g.branch() + "; "
                + m.cpuModel() + ", " + m.cpus() + " CPUs (" + m.cores() + " cores"
                + (m.hypervisor().equals("none") ? "" : ", " + m.hypervisor() + " guest") + "); JDK " + m.jdk()
                + "; service JVM `" + String.join(" ", r.params().jvmFlags()) + "`"
                + r.params().cpus().map(c -> ", pinned to CPUs " + c).orElse("")
                + (r.params().quick() ? " — **quick run, not a reference**" : "");
    }

    private void targets() {
        Params.Targets t = r.params().targets();
        IngestStep full = r.full();
        var startup = r.service("hybrid").start().startup().orElseThrow();
        double fullS = full.serviceMs() / 1000.0;
        CorpusBaseline same = r.corpusBaseline(EmbeddingBaseline.Variant.SERVICE);
        double baseS = same == null ? Double.NaN : same.seconds();
        line("| target | measured | same-run baseline | ratio | met? |");
        line("|---|---|---|---:|---|");
        line(
                "| full ingest ≤ %s s | **%s s** (the service's report: %d files, %,d passages; %s); start-up ingest of the same corpus: %s s | the same words embedded in-process, model run as in the service: %s s (%s) | %s× | %s |"
                        .formatted(
                                num(t.fullIngestSeconds()),
                                num(fullS),
                                full.files(),
                                full.passagesEmbedded(),
                                others(full.cpu().othersPercent()),
                                num(startup.millis() / 1000.0),
                                num(baseS),
                                others(same == null ? Double.NaN : same.othersPercent()),
                                num(fullS / baseS),
                                met(fullS <= t.fullIngestSeconds())));
        double median = worst(RagBench.CHANGED_MEDIAN);
        double largest = worst(RagBench.CHANGED_LARGEST);
        double unchanged = worst("unchanged");
        line(
                "| re-ingest, one file changed ≤ %s s | **%s s** worst of %d (median-size file); largest file: %s s | re-ingest, nothing changed: %s s | %s× | %s |"
                        .formatted(
                                num(t.reingestSeconds()),
                                num(median / 1000),
                                r.params().repeats(),
                                num(largest / 1000),
                                num(unchanged / 1000),
                                num(median / unchanged),
                                met(Math.max(median, largest) / 1000 <= t.reingestSeconds())));
        Latency evalHybrid = r.hybrid().path(RagBench.EVAL_HYBRID).all();
        Latency chat = r.hybrid().path(RagBench.CHAT).all();
        Latency embed = r.hybrid().path(RagBench.EMBED).all();
        line(
                "| retrieval p95 ≤ %s ms | **%s ms** (`%s`: retrieval alone, through HTTP); `/chat` (retrieval + extractive answer, an upper bound): %s ms; %s | the question embedded in-process: p95 %s ms | %s× | %s |"
                        .formatted(
                                num(t.retrievalP95Ms()),
                                ms(evalHybrid.p95()),
                                RagBench.EVAL_HYBRID,
                                ms(chat.p95()),
                                others(r.hybrid().cpu().othersPercent()),
                                ms(embed.p95()),
                                num(evalHybrid.p95() / embed.p95()),
                                met(evalHybrid.p95() <= t.retrievalP95Ms(), chat.p95() <= t.retrievalP95Ms())));
        Latency evalRerank = r.hybrid().path(RagBench.EVAL_RERANK).all();
        Latency chatRerank = r.rerank().path(RagBench.CHAT).all();
        Latency embedRerank = r.rerank().path(RagBench.EMBED).all();
        line(
                "| re-ranked retrieval p95 ≤ %s ms | **%s ms** (`%s`); `/chat` with `rerank=true` (upper bound): %s ms; %s | the question embedded in-process: p95 %s ms | %s× | %s |"
                        .formatted(
                                num(t.rerankP95Ms()),
                                ms(evalRerank.p95()),
                                RagBench.EVAL_RERANK,
                                ms(chatRerank.p95()),
                                others(r.rerank().cpu().othersPercent()),
                                ms(embedRerank.p95()),
                                num(chatRerank.p95() / embedRerank.p95()),
                                met(evalRerank.p95() <= t.rerankP95Ms(), chatRerank.p95() <= t.rerankP95Ms())));
        StringBuilder peaks = new StringBuilder();
        double peak = 0;
        for (ServiceRun s : r.services()) {
            peaks.append(peaks.isEmpty() ? "" : ", ")
                    .append(s.name())
                    .append(' ')
                    .append(num(s.peakMb()));
            peak = Math.max(peak, s.peakMb());
        }
        line("| JVM RSS ≤ %s MiB | **%s MiB** peak VmHWM (%s) | – | – | %s |"
                .formatted(num(t.rssMb()), num(peak), peaks, met(peak <= t.rssMb())));
        line("");
    }

    private void header() {
        var m = r.machine();
        Params p = r.params();
        line("## rag bench, " + r.date() + (p.label().isEmpty() ? "" : " — " + p.label()));
        line("");
        line("- machine: " + m.cpuModel() + ", " + m.cpus() + " CPUs (" + m.cores() + " cores), " + m.memTotalMb()
                + " MiB, Linux " + m.kernel() + ", hypervisor " + m.hypervisor() + "; load average at start "
                + m.loadAverage());
        line("- JDK: " + m.jdk() + " (service and harness); load generator: " + r.httpClient()
                + ", one request at a time");
        line("- commit: " + r.git().commit() + " on branch " + r.git().branch()
                + (r.git().dirty() ? " (work tree dirty)" : " (clean)"));
        var c = r.corpus();
        line(String.format(
                Locale.ROOT,
                "- corpus: a copy of the %d files (%,d bytes) of the shared corpus; changed: `%s` (median size, %,d"
                        + " bytes) and `%s` (largest, %,d bytes); deleted and put back: the median file",
                c.files(),
                c.bytes(),
                c.medianFile(),
                c.medianBytes(),
                c.largestFile(),
                c.largestBytes()));
        line("- parameters: " + p.warmupRounds() + " warm-up + " + p.rounds() + " recorded rounds over "
                + r.hybrid().questions() + " questions per query phase; " + p.repeats()
                + " re-ingests per incremental phase; up to " + p.tries() + " tries of a phase while others ≥ "
                + num(p.maxOthersPercent()) + " %; seed " + p.seed()
                + (p.quick() ? " — **quick run, short counts**" : ""));
        r.services()
                .forEach(s -> line("- service `" + s.name() + "`: `" + s.start().command() + "`"));
        line("");
        line("The service, the harness and its in-process baseline share the same CPUs, and so do other programs on"
                + " this machine (*others*): compare a path with the baseline of the same run rather than absolute"
                + " numbers across runs.");
        line("");
    }

    private void ingest() {
        line("### Full ingest");
        line("");
        line(
                "| run | service ms | round trip ms | passages | service CPU s | CPUs used | machine busy % | others % | as expected |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (IngestStep s : r.fullTries()) {
            line("| `POST /rag/v1/ingest`, try %d%s | %,d | %,.0f | %,d | %s | %s | %s | %s | %s |"
                    .formatted(
                            s.attempt() + 1,
                            s == r.full() ? " (reported)" : "",
                            s.serviceMs(),
                            s.wallMs(),
                            s.passagesEmbedded(),
                            num(s.serviceCpuMs() / 1000),
                            num(s.serviceCpuMs() / s.wallMs()),
                            pct(s.cpu().busyPercent()),
                            pct(s.cpu().othersPercent()),
                            s.asExpected() ? "yes" : "**no**"));
        }
        for (ServiceRun svc : r.services()) {
            svc.start().startup().ifPresent(st -> {
                var until = svc.start().untilReady();
                double cpuMs = until.cpuMs().getOrDefault("service", Double.NaN);
                line(
                        "| start-up ingest of `%s` (%d new, %d unchanged), log | %,d | ready after %,.0f | – | %s (with JVM start) | %s | %s | %s | – |"
                                .formatted(
                                        svc.name(),
                                        st.added(),
                                        st.unchanged(),
                                        st.millis(),
                                        svc.start().readyMs(),
                                        num(cpuMs / 1000),
                                        num(cpuMs / svc.start().readyMs()),
                                        pct(until.busyPercent()),
                                        pct(until.othersPercent())));
            });
        }
        line("");
        line("Baseline, no service: the corpus's words embedded in the harness by the same model, as many chunks as the"
                + " service made passages, " + CorpusBaseline.BATCH + " at a time like the service, with three ONNX"
                + " Runtime session settings:");
        line("");
        line(
                "| in-process embedding of the corpus | chunks × words | s | CPU-s | others % | reported full ingest ÷ this |");
        line("|---|---:|---:|---:|---:|---:|");
        for (CorpusBaseline b : r.corpusBaselines()) {
            line("| %s | %,d × %d | %s | %s | %s | %s× |"
                    .formatted(
                            b.variant().description,
                            b.chunks(),
                            b.wordsPerChunk(),
                            num(b.seconds()),
                            num(b.cpuMs() / 1000),
                            pct(b.othersPercent()),
                            num(r.full().serviceMs() / 1000.0 / b.seconds())));
        }
        line("");
        line("Where the service's CPU went during the reported full ingest (thread roles, from /proc and jcmd):");
        line("");
        roles(r.full().threadCpuMs());
    }

    private void reingests() {
        line("### Incremental re-ingest (`POST /rag/v1/ingest` of the same directory)");
        line("");
        line(
                "| phase | runs | service ms median | service ms max | round trip ms median | round trip ms max | passages embedded | as expected |");
        line("|---|---:|---:|---:|---:|---:|---:|---|");
        r.reingests().stream().map(IngestStep::phase).distinct().forEach(phase -> {
            List<IngestStep> steps = r.reingests(phase);
            line("| %s | %d | %s | %s | %s | %s | %s | %s |"
                    .formatted(
                            phase,
                            steps.size(),
                            num(median(steps.stream()
                                    .mapToDouble(IngestStep::serviceMs)
                                    .toArray())),
                            num(steps.stream()
                                    .mapToDouble(IngestStep::serviceMs)
                                    .max()
                                    .orElse(Double.NaN)),
                            num(median(steps.stream()
                                    .mapToDouble(IngestStep::wallMs)
                                    .toArray())),
                            num(worst(phase)),
                            steps.stream()
                                    .map(s -> Integer.toString(s.passagesEmbedded()))
                                    .distinct()
                                    .toList(),
                            steps.stream().allMatch(IngestStep::asExpected)
                                    ? "yes"
                                    : "**no**: " + steps.getFirst().counts()));
        });
        line("");
    }

    private void queries(QueryRounds.Outcome o, int tries) {
        String flag = o.service().equals("rerank") ? "`ponte.rag.retrieval.rerank=true`" : "defaults: hybrid retrieval";
        line("### Queries, service `" + o.service() + "` (" + flag + ")");
        line("");
        line(String.format(
                Locale.ROOT,
                "%d rounds × %d questions, every path in turn per question; %.0f s; machine busy %s %%, others %s %%"
                        + " (try %d of %d); service CPU %.1f s, harness CPU %.1f s.",
                o.rounds(),
                o.questions(),
                o.seconds(),
                pct(o.cpu().busyPercent()),
                pct(o.cpu().othersPercent()),
                o.attempt() + 1,
                tries,
                o.cpu().cpuMs().getOrDefault("service", Double.NaN) / 1000,
                o.cpu().cpuMs().getOrDefault("harness", Double.NaN) / 1000));
        line("");
        Latency embed = o.path(RagBench.EMBED).all();
        List<String> languages =
                o.paths().getFirst().byLanguage().keySet().stream().toList();
        StringBuilder head =
                new StringBuilder("| path | requests | errors | p50 | p90 | p95 | p99 | max | p95 ÷ embed p95 |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String lang : languages) {
            head.append(" ").append(lang).append(" p50 | ").append(lang).append(" p95 |");
            rule.append("---:|---:|");
        }
        line(head.toString());
        line(rule.toString());
        for (QueryRounds.PathResult p : o.paths()) {
            Latency l = p.all();
            StringBuilder row = new StringBuilder("| %s | %d | %d | %s | %s | %s | %s | %s | %s× |"
                    .formatted(
                            p.path(),
                            l.count(),
                            p.errors(),
                            ms(l.p50()),
                            ms(l.p90()),
                            ms(l.p95()),
                            ms(l.p99()),
                            ms(l.max()),
                            num(l.p95() / embed.p95())));
            for (String lang : languages) {
                Latency x = p.byLanguage().getOrDefault(lang, Latency.EMPTY);
                row.append(' ')
                        .append(ms(x.p50()))
                        .append(" | ")
                        .append(ms(x.p95()))
                        .append(" |");
            }
            line(row.toString());
            if (p.firstError() != null) {
                line("");
                line("First error of `" + p.path() + "`: `" + p.firstError().replace('`', '\'') + "`");
                line("");
            }
        }
        line("");
        line("Milliseconds, round trip on loopback. `" + RagBench.EMBED
                + "` is the baseline: the question embedded by the"
                + " same model in the harness (" + RagBench.QUERY_BASELINE.description + "). Service CPU during the"
                + " recorded rounds by thread role:");
        line("");
        roles(o.threadCpuMs());
    }

    private void memory() {
        line("### Resident memory of the service (`/proc/PID/status`, MiB)");
        line("");
        line("| service | read | VmRSS | VmHWM (peak so far) | RssAnon | RssFile |");
        line("|---|---|---:|---:|---:|---:|");
        for (ServiceRun s : r.services()) {
            for (Memory m : s.memory()) {
                line("| %s | %s | %s | %s | %s | %s |"
                        .formatted(
                                s.name(), m.when(), num(m.rssMb()), num(m.hwmMb()), num(m.anonMb()), num(m.fileMb())));
            }
        }
        line("");
    }

    private void roles(Map<String, Double> roles) {
        double total = roles.values().stream().mapToDouble(Double::doubleValue).sum();
        line("| thread role | CPU s | share |");
        line("|---|---:|---:|");
        roles.forEach((role, cpuMs) ->
                line("| %s | %s | %s %% |".formatted(role, num(cpuMs / 1000), pct(100 * cpuMs / total))));
        line("");
    }

    /** The slowest round trip of a re-ingest phase, ms. */
    private double worst(String phase) {
        return r.reingests(phase).stream().mapToDouble(IngestStep::wallMs).max().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** "others N %", flagged when other programs took enough of the CPUs to disturb the measure. */
    private String others(double percent) {
        return "others " + pct(percent) + " %"
                + (RagBench.quiet(percent) >= r.params().maxOthersPercent() ? ", **disturbed**" : "");
    }

    private static String met(boolean met) {
        return met ? "**yes**" : "**no**";
    }

    /** Met on the tight measure; whether the upper bound meets it too. */
    private static String met(boolean tight, boolean upperBound) {
        return tight ? (upperBound ? "**yes**" : "**yes** (the upper bound misses it)") : "**no**";
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
