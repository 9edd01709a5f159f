package io.ponte.bench.registry;

import static io.ponte.bench.common.Format.ms;
import static io.ponte.bench.common.Format.num;
import static io.ponte.bench.common.Format.pct;

import io.ponte.bench.common.Latency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders a run as a markdown section for RESULTS.md, and the summary table kept at the top of that file. */
final class Report {
    private final Results r;
    private final StringBuilder md = new StringBuilder();

    private Report(Results r) {
        this.r = r;
    }

    /** The run's own section, appended to RESULTS.md. */
    static String markdown(Results r) {
        var report = new Report(r);
        report.header();
        report.targets();
        report.phases();
        report.ratios();
        report.shapes();
        report.plans();
        report.load();
        return report.md.toString();
    }

    /** The block between the summary markers at the top of RESULTS.md: the latest run against the targets. */
    static String summary(Results r) {
        var report = new Report(r);
        RunInfo i = r.info();
        report.line("Latest run: " + i.date() + ", commit " + i.commit() + (i.dirty() ? " (work tree dirty)" : "")
                + " on branch " + i.branch() + "; " + i.cpuModel() + ", " + i.cpus() + " CPUs; JDK " + i.jdk()
                + "; " + shortPostgres(i.postgres()) + "; "
                + String.format(Locale.ROOT, "%,d", r.load().versions())
                + " model versions" + (r.params().quick() ? " — **quick run, not a reference**" : "") + ".");
        report.line("");
        report.targets();
        report.line("| phase | path | concurrency | p50 ms | p90 ms | p99 ms | max ms | req/s |");
        report.line("|---|---|---:|---:|---:|---:|---:|---:|");
        for (Phase p : r.phases()) {
            if (!p.name().equals("edge")) {
                Latency l = p.latency();
                report.line("| %s | %s | %d | %s | %s | %s | %s | %s |"
                        .formatted(
                                p.name(),
                                p.path(),
                                p.concurrency(),
                                ms(l.p50()),
                                ms(l.p90()),
                                ms(l.p99()),
                                ms(l.max()),
                                num(p.throughput())));
            }
        }
        report.line("");
        report.line(String.format(
                Locale.ROOT,
                "Load through the API: %,d versions in %.0f s = **%,.0f versions/s** with %d clients.",
                r.load().versions(),
                r.load().versionSeconds(),
                r.load().versionsPerSecond(),
                r.params().loadClients()));
        return report.md.toString();
    }

    private void header() {
        RunInfo i = r.info();
        Params p = r.params();
        line("## Registry bench, " + i.date() + (p.label().isEmpty() ? "" : " — " + p.label()));
        line("");
        line("- machine: " + i.cpuModel() + ", " + i.cpus() + " CPUs, " + i.memTotalMb() + " MiB, Linux " + i.kernel()
                + "; load average at start " + i.loadAverage());
        line("- JDK: " + i.jdk() + "; load generator: " + i.httpClient() + " (HTTP), pgjdbc (baseline)");
        line("- PostgreSQL: " + i.postgres() + "; " + i.postgresSettings());
        line("- commit: " + i.commit() + " on branch " + i.branch() + (i.dirty() ? " (work tree dirty)" : " (clean)"));
        line(String.format(
                Locale.ROOT,
                "- data: %,d registered models × %,d versions = %,d model versions with 3–5 custom properties each;"
                        + " entity table %s after VACUUM ANALYZE",
                p.models(),
                p.versionsPerModel(),
                r.load().versions(),
                r.tableSize()));
        line("- parameters: concurrency " + p.concurrency() + " (closed loop); warm-up " + p.warmupSeconds()
                + " s per phase and path; " + p.getRequests() + " gets, " + p.filterRequests()
                + " filtered pages (pageSize "
                + p.pageSize() + "), " + p.createRequests() + " creates per concurrency; " + p.edgeRequests()
                + " edge pages per shape; at most " + p.maxPhaseSeconds() + " s per phase; seed " + p.seed()
                + (p.quick() ? " — **quick run, short counts**" : ""));
        i.commandLines().forEach((name, cmd) -> line("- " + name + ": `" + cmd + "`"));
        line("");
        line(
                "Service, PostgreSQL and the load generator share the same CPUs: compare the service with the JDBC baseline"
                        + " of the same run rather than absolute numbers across runs.");
        line("");
    }

    private void targets() {
        line("| target (p99) | "
                + String.join(
                        " | ",
                        r.params().concurrency().stream()
                                .map(c -> "concurrency " + c)
                                .toList()) + " | met? |");
        line("|---|" + "---:|".repeat(r.params().concurrency().size()) + "---|");
        target(
                "get-by-id < " + num(r.params().getTargetMs()) + " ms",
                "get",
                r.params().getTargetMs());
        target(
                "filtered page < " + num(r.params().filterTargetMs()) + " ms",
                "filter",
                r.params().filterTargetMs());
        line("");
    }

    private void target(String label, String phase, double limitMs) {
        StringBuilder row = new StringBuilder("| " + label + " |");
        boolean met = true;
        for (int c : r.params().concurrency()) {
            Optional<Phase> p = r.phase(phase, Phase.SERVICE, c);
            double p99 = p.map(x -> x.latency().p99()).orElse(Double.NaN);
            met &= p.isPresent() && p99 < limitMs && p.get().errors() == 0;
            row.append(' ').append(ms(p99)).append(" ms |");
        }
        line(row.append(met ? " **yes** |" : " **no** |").toString());
    }

    private void phases() {
        line("### Latency per phase (ms) and CPU per request");
        line("");
        line("| phase | path | conc. | requests | errors | p50 | p90 | p99 | max | req/s | registry CPU ms/req"
                + " | postgres CPU ms/req | harness CPU ms/req | machine busy % | others % | repeats |");
        line("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Phase p : r.phases()) {
            Latency l = p.latency();
            line("| %s | %s | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |"
                    .formatted(
                            p.name(),
                            p.path(),
                            p.concurrency(),
                            l.count(),
                            p.errors(),
                            ms(l.p50()),
                            ms(l.p90()),
                            ms(l.p99()),
                            ms(l.max()),
                            num(p.throughput()),
                            ms(p.cpuMsPerRequest("registry")),
                            ms(p.cpuMsPerRequest("postgres")),
                            ms(p.cpuMsPerRequest("harness")),
                            pct(p.cpu().busyPercent()),
                            pct(p.cpu().othersPercent()),
                            p.repeats()));
        }
        List<String> disturbed = r.phases().stream()
                .filter(p -> p.cpu().othersPercent() >= r.params().maxOthersPercent())
                .map(p -> "%s/%s/%d (others %.0f %%)"
                        .formatted(p.name(), p.path(), p.concurrency(), p.cpu().othersPercent()))
                .toList();
        if (!disturbed.isEmpty()) {
            line("");
            line("**Disturbed:** other programs still took ≥ " + num(r.params().maxOthersPercent())
                    + " % of the CPUs after " + r.params().quietTries() + " tries in " + String.join(", ", disturbed)
                    + ". Do not use those rows as a reference.");
        }
        r.phases().stream()
                .filter(p -> p.firstError() != null)
                .forEach(p -> line("- first error in " + p.name() + "/" + p.path() + "/" + p.concurrency() + ": `"
                        + p.firstError().replace('`', '\'') + "`"));
        line("");
        line("CPU per request comes from /proc tick counters (10 ms ticks) over the whole phase; postgres counts every"
                + " backend of the server, the JDBC baseline's included. *others* is the machine's busy share that none"
                + " of registry, postgres and harness account for; a phase with others ≥ "
                + num(r.params().maxOthersPercent()) + " % was measured again (*repeats*); – = a phase too short"
                + " (under 0.5 s) for tick counters.");
        line("");
    }

    private void ratios() {
        line("### Service vs raw PostgreSQL (same SQL over JDBC, same run)");
        line("");
        line("| phase | conc. | service p50 | JDBC p50 | added p50 | service p99 | JDBC p99 | added p99 | p50 ratio |");
        line("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String name : List.of("get", "filter")) {
            for (int c : r.params().concurrency()) {
                var s = r.phase(name, Phase.SERVICE, c);
                var j = r.phase(name, Phase.JDBC, c);
                if (s.isPresent() && j.isPresent()) {
                    Latency a = s.get().latency();
                    Latency b = j.get().latency();
                    line("| %s | %d | %s | %s | %s | %s | %s | %s | %s× |"
                            .formatted(
                                    name,
                                    c,
                                    ms(a.p50()),
                                    ms(b.p50()),
                                    ms(a.p50() - b.p50()),
                                    ms(a.p99()),
                                    ms(b.p99()),
                                    ms(a.p99() - b.p99()),
                                    num(a.p50() / b.p50())));
                }
            }
        }
        line("");
    }

    private void shapes() {
        line("### Filter shapes (ms; the mix draws one shape per request, edge shapes run apart at concurrency 1)");
        line("");
        line("| shape | typical filterQuery | matches | conc. | service p50 | service p99 | JDBC p50 | JDBC p99 |");
        line("|---|---|---:|---:|---:|---:|---:|---:|");
        for (Explain.Plan plan : r.plans()) {
            if (plan.label().equals("get-by-id")) {
                continue;
            }
            String name = plan.label().startsWith("edge") ? "edge" : "filter";
            for (int c : r.params().concurrency()) {
                var s = r.phase(name, Phase.SERVICE, c).map(p -> p.byLabel().get(plan.label()));
                var j = r.phase(name, Phase.JDBC, c).map(p -> p.byLabel().get(plan.label()));
                if (s.isEmpty() && j.isEmpty()) {
                    continue;
                }
                line("| %s | `%s` | %s | %d | %s | %s | %s | %s |"
                        .formatted(plan.label(), plan.filterQuery(), matches(plan), c, p50(s), p99(s), p50(j), p99(j)));
            }
        }
        line("");
    }

    private void plans() {
        line("### Plans (EXPLAIN ANALYZE of the service's SQL, typical parameters bound, after the load)");
        line("");
        for (Explain.Plan plan : r.plans()) {
            line("- **" + plan.label() + "** `" + plan.filterQuery() + "`: " + plan.oneLine());
        }
        line("");
    }

    private void load() {
        Loader.Result l = r.load();
        line("### Load phase (through the API)");
        line("");
        line(String.format(
                Locale.ROOT,
                "- %,d registered models in %.1f s; %,d versions in %.1f s = **%,.0f versions/s** with %d concurrent"
                        + " clients; %d errors",
                l.models(),
                l.modelSeconds(),
                l.versions(),
                l.versionSeconds(),
                l.versionsPerSecond(),
                r.params().loadClients(),
                l.errors()));
        line("- create latency during the load: p50 " + ms(l.createLatency().p50()) + " ms, p99 "
                + ms(l.createLatency().p99()) + " ms, max "
                + ms(l.createLatency().max()) + " ms; machine busy "
                + String.format(
                        Locale.ROOT,
                        "%.0f %% (others %.0f %%)",
                        r.loadCpu().busyPercent(),
                        r.loadCpu().othersPercent())
                + ", CPU ms per version: "
                + r.loadCpu().cpuMs().entrySet().stream()
                        .map(e -> e.getKey() + " " + ms(e.getValue() / Math.max(1, l.versions())))
                        .toList());
        line(String.format(
                Locale.ROOT,
                "- then `VACUUM ANALYZE entity` over JDBC: %.1f s (flushes the GIN pending list into the index and"
                        + " refreshes planner statistics, as autovacuum would on a live table)",
                r.vacuumSeconds()));
        line(String.format(
                Locale.ROOT,
                "- the create phases (run last, warm-up capped at %d creates) left %,d model versions in the table",
                RegistryBench.CREATE_WARMUP,
                r.versionsAtEnd()));
        line("");
    }

    private static String matches(Explain.Plan plan) {
        return String.format(
                Locale.ROOT, plan.percent() < 1 ? "%,d (%.2f %%)" : "%,d (%.1f %%)", plan.matches(), plan.percent());
    }

    private static String p50(Optional<Latency> l) {
        return l.map(x -> ms(x.p50())).orElse("–");
    }

    private static String p99(Optional<Latency> l) {
        return l.map(x -> ms(x.p99())).orElse("–");
    }

    private static String shortPostgres(String version) {
        int comma = version.indexOf(" on ");
        return comma < 0 ? version : version.substring(0, comma);
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
