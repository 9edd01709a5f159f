package io.ponte.bench.pipelines;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.bench.common.Format;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's section of RESULTS.md, the summary against the targets, and the raw JSON. */
final class Report {

    static final String HEADING = """
            # Pipeline-runner benchmark results

            Runs of `bench/pipelines/run.sh`. How the numbers are made and how to read them: `README.md`. Each run's
            section below records its machine, JDK, PostgreSQL and commit and links its raw JSON under `results/`;
            compare figures within one run (baselines are measured in the same run), not across runs or machines.""";

    private final Params p;
    private final RunInfo info;
    private final Instant started;
    private final SchedulerSection.Output scheduler;
    private final LocalSection.Output local;
    private final ResumeSection.Output resume;

    Report(
            Params p,
            RunInfo info,
            Instant started,
            SchedulerSection.Output scheduler,
            LocalSection.Output local,
            ResumeSection.Output resume) {
        this.p = p;
        this.info = info;
        this.started = started;
        this.scheduler = scheduler;
        this.local = local;
        this.resume = resume;
    }

    private String machineLine() {
        var m = info.machine();
        return String.format(
                Locale.ROOT,
                "%s, commit %s%s on branch %s; %s, %d CPUs (%d cores), %,d MiB, kernel %s, hypervisor %s; JDK %s;"
                        + " %s (synchronous_commit %s, fsync %s); load average at start %s",
                info.date(),
                info.git().commit(),
                info.git().dirty() ? " (work tree dirty)" : "",
                info.git().branch(),
                m.cpuModel(),
                m.cpus(),
                m.cores(),
                m.memTotalMb(),
                m.kernel(),
                m.hypervisor(),
                m.jdk(),
                info.postgresShort(),
                info.postgresSettings().getOrDefault("synchronous_commit", "?"),
                info.postgresSettings().getOrDefault("fsync", "?"),
                m.loadAverage());
    }

    String summary() {
        StringBuilder s = new StringBuilder();
        s.append("Latest run: ")
                .append(machineLine())
                .append(p.quick() ? " — **quick run**" : "")
                .append(".\n\n");
        s.append("| target (2 cores) | measured | met? |\n|---|---|---|\n");
        if (scheduler != null) {
            for (String shape : List.of("root-fan-out", "parallel-for")) {
                SchedulerSection.Shape sh = scheduler.shapes().stream()
                        .filter(x -> x.name().equals(shape))
                        .findFirst()
                        .orElseThrow();
                double starts = worst(shape, "postgres", true);
                double perTask = worst(shape, "postgres", false);
                s.append(row(
                        "≥ " + Format.num(p.startsTarget()) + " task starts/s — " + sh.attempts() + "-attempt " + shape
                                + ", no-op executor, PostgreSQL store",
                        Format.num(starts) + " starts/s (slowest of " + p.repeats() + " runs)",
                        starts >= p.startsTarget()));
                s.append(row(
                        "≤ " + Format.ms(p.overheadTargetMs()) + " ms runner overhead per task — same runs",
                        Format.ms(perTask) + " ms (wall / attempts)",
                        perTask <= p.overheadTargetMs()));
            }
        }
        if (local != null) {
            for (String shape : List.of("chain", "fan-out")) {
                double over = overheadPerTask(shape, "direct");
                s.append(row(
                        "≤ " + Format.ms(p.overheadTargetMs()) + " ms runner overhead per task — " + local.tasks()
                                + "-task " + shape + " of `true`, local executor, vs. starting `true` directly",
                        Format.ms(over) + " ms ((runner − direct) / tasks, medians); ratio " + Format.num(ratio(shape))
                                + "×",
                        over <= p.overheadTargetMs()));
            }
        }
        if (resume != null) {
            boolean clean = resume.trials().stream().allMatch(ResumeSection.Trial::clean);
            s.append(row(
                    "resume ≤ " + Format.ms(p.resumeTargetSeconds()) + " s — exec of the restarted runner JVM → every"
                            + " running attempt re-attached and a new attempt started",
                    Format.ms(resume.maxResumedMs()) + " ms worst, " + Format.ms(resume.medianResumedMs())
                            + " ms median of " + resume.trials().size() + " kills",
                    resume.maxResumedMs() <= p.resumeTargetSeconds() * 1000));
            s.append(row(
                    "no completed task runs again after the kill",
                    resume.trials().stream()
                                    .mapToInt(ResumeSection.Trial::completedRunAgain)
                                    .sum()
                            + " completed tasks ran again; "
                            + resume.trials().stream()
                                    .mapToInt(ResumeSection.Trial::reattachedLost)
                                    .sum()
                            + " running attempts lost",
                    clean));
        }
        return s.append('\n').toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String row(String target, String measured, boolean met) {
        return "| " + target + " | " + measured + " | " + (met ? "**yes**" : "**no**") + " |\n";
    }

    /** Slowest of the repeats: lowest starts/s, or highest wall per task. */
    private double worst(String shape, String store, boolean startsPerSecond) {
        return scheduler.runs().stream()
                .filter(r -> r.shape().equals(shape) && r.store().equals(store))
                .mapToDouble(r -> startsPerSecond ? r.startsPerSecond() : r.wallPerTaskMs())
                .reduce(startsPerSecond ? Math::min : Math::max)
                .orElse(Double.NaN);
    }

    private double overheadPerTask(String shape, String baseline) {
        return (local.get(shape, "runner").medianWallMs()
                        - local.get(shape, baseline).medianWallMs())
                / local.tasks();
    }

    private double ratio(String shape) {
        return local.get(shape, "runner").medianWallMs()
                / local.get(shape, "direct").medianWallMs();
    }

    String runSection(String label) {
        StringBuilder s = new StringBuilder();
        s.append("## Run ")
                .append(started.truncatedTo(ChronoUnit.SECONDS))
                .append(label.isBlank() ? "" : " — " + label)
                .append(p.quick() ? " (quick)" : "")
                .append("\n\n");
        s.append(machineLine())
                .append(".\n\nHarness JVM: `")
                .append(info.jvmArguments())
                .append("`.\n\n");
        if (scheduler != null) {
            scheduler(s);
        }
        if (local != null) {
            local(s);
        }
        if (resume != null) {
            resume(s);
        }
        return s.toString();
    }

    private void scheduler(StringBuilder s) {
        s.append("### 1. Synthetic ").append(count(p.tasks())).append("-task DAG, no-op executor\n\n");
        for (SchedulerSection.Shape sh : scheduler.shapes()) {
            s.append("- `")
                    .append(sh.name())
                    .append("`: ")
                    .append(sh.description())
                    .append('\n');
        }
        s.append("\nPlanning (`Planner.plan` of the IR text: parse + validate, then plan):\n\n");
        s.append("| shape | IR bytes | planned tasks | edges | first call ms | warm parse+validate ms | warm plan ms"
                + " | warm total ms |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var pl : scheduler.planning()) {
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    pl.shape(),
                    count(pl.irBytes()),
                    count(pl.plannedTasks()),
                    count(pl.edges()),
                    Format.ms(pl.firstMs()),
                    Format.ms(pl.parseMedianMs()),
                    Format.ms(pl.planMedianMs()),
                    Format.ms(pl.totalMedianMs())));
        }
        s.append("\nRuns (wall: `create` called → final run state stored; CPU per attempt from `/proc`; “others”:"
                + " CPU share of programs outside the benchmark during the run; PostgreSQL CPU: the backends of the"
                + " run's database only):\n\n");
        s.append("| shape | store | attempts | task rows | create ms | first start ms | first → last start s | wall s"
                + " | starts/s | wall ms / attempt | runner CPU ms / attempt | PostgreSQL CPU ms / attempt | others % |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var r : scheduler.runs()) {
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    r.shape(),
                    r.store(),
                    count(r.attempts()),
                    count(r.taskRows()),
                    Format.ms(r.createMs()),
                    Format.ms(r.firstStartMs()),
                    Format.ms(r.startSpanMs() / 1000),
                    Format.ms(r.wallMs() / 1000),
                    Format.num(r.startsPerSecond()),
                    Format.ms(r.wallPerTaskMs()),
                    Format.ms(r.runnerCpuMsPerTask()),
                    r.store().equals("memory") ? "–" : Format.ms(r.postgresCpuMsPerTask()),
                    Format.pct(r.othersPercent())));
        }
        s.append("\nState-store growth in PostgreSQL (first measured run of each shape; bytes include indexes and"
                + " TOAST; “live”: `sum(pg_column_size(row))`):\n\n");
        s.append("| shape | table | rows | bytes after run | bytes after VACUUM FULL | live row bytes |\n"
                + "|---|---|---:|---:|---:|---:|\n");
        for (var g : scheduler.growth()) {
            long rows = 0;
            long bytes = 0;
            long vac = 0;
            long live = 0;
            for (int i = 0; i < g.afterRun().size(); i++) {
                var a = g.afterRun().get(i);
                var v = g.afterVacuumFull().get(i);
                rows += a.rows();
                bytes += a.totalBytes();
                vac += v.totalBytes();
                live += v.liveRowBytes();
                s.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s |%n",
                        g.shape(),
                        a.table(),
                        count(a.rows()),
                        count(a.totalBytes()),
                        count(v.totalBytes()),
                        count(v.liveRowBytes())));
            }
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | **per attempt** | %s | %s | %s | %s |%n",
                    g.shape(),
                    Format.num((double) rows / g.attempts()),
                    Format.num((double) bytes / g.attempts()),
                    Format.num((double) vac / g.attempts()),
                    Format.num((double) live / g.attempts())));
        }
        s.append('\n');
    }

    private void local(StringBuilder s) {
        s.append("### 2. ")
                .append(local.tasks())
                .append("-task DAGs of `true`, local executor (subprocess runtime)\n\n");
        s.append("Medians of ")
                .append(p.localRepeats())
                .append(" rounds after one warm-up round; the paths of a round"
                        + " run back to back. `direct`: `ProcessBuilder(\"true\")`; `executor`: `LocalExecutor.start` alone;"
                        + " `runner`: the engine on PostgreSQL + embedded S3 (the service's defaults) with the local executor;"
                        + " `runner-pg-fs`: the same with the filesystem object store; `runner-mem-fs`: also with the"
                        + " in-memory run store. At most "
                        + LocalSection.LIMIT + " tasks at once on every path.\n\n");
        s.append("| shape | path | median wall ms | min | max | ms / task | CPU ms / task (JVM + children +"
                + " own PostgreSQL backends) | runner − path, ms / task | runner / path | others % (max) |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var x : local.summaries()) {
            double runner = local.get(x.shape(), "runner").medianWallMs();
            boolean self = x.path().startsWith("runner");
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    x.shape(),
                    x.path(),
                    Format.ms(x.medianWallMs()),
                    Format.ms(x.minWallMs()),
                    Format.ms(x.maxWallMs()),
                    Format.ms(x.medianMsPerTask()),
                    Format.ms(x.cpuMsPerTask()),
                    self ? "–" : Format.ms((runner - x.medianWallMs()) / local.tasks()),
                    self ? "–" : Format.num(runner / x.medianWallMs()) + "×",
                    Format.pct(x.maxOthersPercent())));
        }
        s.append("\nWhere a chain task's time goes on the runner paths (medians over tasks 2…n of each round, then over"
                + " rounds; see `ChainProbe`): schedule = previous task stored SUCCEEDED → `start` called; start = the"
                + " executor's `start` call; process = `start` returned → completion; collect + store = completion →"
                + " task stored SUCCEEDED.\n\n");
        s.append("| path | schedule ms | start ms | process ms | collect + store ms | sum ms |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (var b : local.chainBreakdown()) {
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s |%n",
                    b.path(),
                    Format.ms(b.schedule()),
                    Format.ms(b.start()),
                    Format.ms(b.process()),
                    Format.ms(b.collectStore()),
                    Format.ms(b.schedule() + b.start() + b.process() + b.collectStore())));
        }
        s.append('\n');
    }

    private void resume(StringBuilder s) {
        s.append("### 3. Kill -9 and resume\n\n");
        s.append("Pipeline: ")
                .append(resume.dag())
                .append(". Kill: SIGKILL to the runner JVM ")
                .append(resume.killDelayMs())
                .append(" ms after two tasks of every fast lane succeeded; restart after ")
                .append(Format.ms(resume.downtimeSeconds()))
                .append(" s. Times in ms from the exec of the restarted JVM.\n\n");
        s.append(
                "| trial | completed at kill | running at kill | re-attached (lost) | main() | store ready |"
                        + " object store ready | engine ready | resumeAll returned | all re-attached | first new start |"
                        + " **resumed** | starts after restart | final | completed tasks run again | scripts run twice |"
                        + " max attempts |\n|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|\n");
        for (var t : resume.trials()) {
            s.append(String.format(
                    Locale.ROOT,
                    "| %d | %d | %d | %d (%d) | %s | %s | %s | %s | %s | %s | %s | **%s** | %d | %s | %d | %d | %d |%n",
                    t.trial(),
                    t.completedAtKill(),
                    t.runningAtKill(),
                    t.reattachedFound(),
                    t.reattachedLost(),
                    Format.ms(t.mainMs()),
                    Format.ms(t.storeReadyMs()),
                    Format.ms(t.objectsReadyMs()),
                    Format.ms(t.engineReadyMs()),
                    Format.ms(t.resumeReturnedMs()),
                    Format.ms(t.allReattachedMs()),
                    Format.ms(t.firstStartMs()),
                    Format.ms(t.resumedMs()),
                    t.startedAfterRestart(),
                    t.finalState(),
                    t.completedRunAgain(),
                    t.scriptsRunTwice(),
                    t.maxAttempts()));
        }
        s.append('\n');
    }

    JsonObject json() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("started", started.toString());
        out.put("params", p.toJson().getMap());
        out.put("run_info", info.toJson().getMap());
        out.put("scheduler", scheduler);
        out.put("local", local);
        out.put("resume", resume);
        return new JsonObject(new ObjectMapper().writeValueAsString(out));
    }
}
