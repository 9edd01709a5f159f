package io.ponte.bench.pipelines;

import io.ponte.bench.common.Recording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The pipeline-runner benchmark. The engine runs in this JVM on the runner's own stores and executors (the no-op
 * executor of section 1 has to plug into it); section 3 starts the runner as a second JVM ({@link ResumeRunner}) so
 * that it can be killed. PostgreSQL must be reachable (PGHOST, PGPORT, PGUSER, PGPASSWORD); every database the
 * benchmark creates is dropped at the end.
 */
@Command(
        name = "pipelines-bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        description = "Measures pipeline-runner scheduling overhead, local end-to-end overhead and resume time.")
public final class PipelinesBench implements Callable<Integer> {

    @Mixin
    Recording recording;

    @Option(
            names = "--sections",
            split = ",",
            defaultValue = "scheduler,local,resume",
            description = "Sections to run: scheduler (10,000-task DAG, no-op executor), local (100 tasks of"
                    + " `true`), resume (kill -9 and restart).")
    List<String> sections;

    @Option(names = "--quick", description = "Small DAGs and few repetitions, for checking the harness.")
    boolean quick;

    @Option(names = "--tasks", description = "Container tasks of the synthetic DAG [10000; quick 1000].")
    Integer tasks;

    @Option(names = "--warmup-tasks", description = "Tasks of the warm-up runs before section 1 [1000; quick 200].")
    Integer warmupTasks;

    @Option(names = "--plan-repeats", description = "Warm planning repetitions per shape [10; quick 3].")
    Integer planRepeats;

    @Option(names = "--repeats", description = "Measured runs per shape and store in section 1 [2; quick 1].")
    Integer repeats;

    @Option(names = "--local-tasks", defaultValue = "100", description = "Tasks of the section 2 DAGs.")
    int localTasks;

    @Option(names = "--local-repeats", description = "Measured rounds of section 2 [5; quick 2].")
    Integer localRepeats;

    @Option(names = "--resume-trials", description = "Kill-and-resume trials [3; quick 1].")
    Integer resumeTrials;

    @Option(
            names = "--resume-downtime-s",
            defaultValue = "1",
            description = "Seconds between the kill and the restart (fast tasks end meanwhile).")
    double resumeDowntimeSeconds;

    @Option(
            names = "--stamp",
            description = "Digits in the names of the databases this run creates (default: the UTC start time),"
                    + " so that run.sh can drop them if the harness is interrupted.")
    String stamp;

    @Option(names = "--keep-db", description = "Leave section 1's PostgreSQL databases in place.")
    boolean keepDb;

    @Option(names = "--runner-java", defaultValue = "${java.home}/bin/java", description = "java for the runner JVM.")
    String runnerJava;

    @Option(
            names = "--runner-jvm-opts",
            split = " ",
            defaultValue = "-Xms256m -Xmx1g -XX:+UseG1GC -XX:ActiveProcessorCount=2"
                    + " -Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            description = "JVM arguments of the resume runner.")
    List<String> runnerJvmOpts;

    @Option(names = "--work", defaultValue = "bench/pipelines/work", description = "Scratch directory.")
    Path work;

    @Option(names = "--starts-target", defaultValue = "100", description = "Target: task starts per second.")
    double startsTarget;

    @Option(names = "--overhead-target-ms", defaultValue = "5", description = "Target: runner overhead per task.")
    double overheadTargetMs;

    @Option(names = "--resume-target-s", defaultValue = "2", description = "Target: restart → resumed.")
    double resumeTargetSeconds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PipelinesBench()).execute(args));
    }

    Params params() {
        return new Params(
                quick,
                List.copyOf(sections),
                or(tasks, 10_000, 1_000),
                or(warmupTasks, 1_000, 200),
                or(planRepeats, 10, 3),
                or(repeats, 2, 1),
                localTasks,
                or(localRepeats, 5, 2),
                or(resumeTrials, 3, 1),
                resumeDowntimeSeconds,
                keepDb,
                startsTarget,
                overheadTargetMs,
                resumeTargetSeconds);
    }

    private int or(Integer explicit, int full, int quickValue) {
        return explicit != null ? explicit : quick ? quickValue : full;
    }

    @Override
    public Integer call() throws Exception {
        Params p = params();
        Instant started = Instant.now();
        if (stamp == null) {
            stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .withZone(ZoneOffset.UTC)
                    .format(started);
        }
        // A runner JVM of section 3 must not outlive an interrupted harness.
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly)));
        Path scratch = work.toAbsolutePath().resolve("run-" + stamp);
        Files.createDirectories(scratch);
        BenchDatabase.Server server = BenchDatabase.Server.fromEnvironment();
        RunInfo info = RunInfo.collect(recording.repo(), server);
        log("machine: %s", info.machine().toJson().encode());
        SchedulerSection.Output scheduler = null;
        LocalSection.Output local = null;
        ResumeSection.Output resume = null;
        if (p.has("scheduler")) {
            scheduler = SchedulerSection.run(p, scratch.resolve("scheduler"), server, stamp);
        }
        if (p.has("local")) {
            local = LocalSection.run(p, scratch.resolve("local"), server, stamp);
        }
        if (p.has("resume")) {
            resume = ResumeSection.run(p, scratch.resolve("resume"), server, stamp, runnerJava, runnerJvmOpts);
        }
        Report report = new Report(p, info, started, scheduler, local, resume);
        recording.write(
                "PipelinesBench",
                Report.HEADING,
                report.runSection(recording.label()),
                report.summary(),
                report.json());
        return 0;
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[pipelines-bench] " + format + "%n", args);
    }
}
