package io.ponte.bench.pipelines;

import io.ponte.bench.common.Cpu;
import io.ponte.pipelines.adapter.local.LocalExecutor;
import io.ponte.pipelines.adapter.postgres.PostgresRunStore;
import io.ponte.pipelines.core.engine.Engine;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Section 2: a pipeline of {@code true} processes end to end on the real local executor (subprocess runtime), on
 * the PostgreSQL run store and the embedded S3 object store (the runner's defaults), against two baselines run in
 * the same rounds with the same dependency structure and the same limit of 64 tasks at once: {@code direct} starts
 * {@code true} with {@link ProcessBuilder} and waits for it; {@code executor} calls the local executor's {@code
 * start} directly (its wrapper: setsid, sh, the exit-status file, the log file) without the engine.
 */
final class LocalSection {

    static final int LIMIT = 64;
    /**
     * {@code runner}: the service's default stack (PostgreSQL run store, embedded S3 object store); the two variants
     * after it swap in the filesystem object store, then also the in-memory run store, to show what each costs.
     */
    static final List<String> PATHS = List.of("direct", "executor", "runner", "runner-pg-fs", "runner-mem-fs");

    record Round(String shape, String path, int round, double wallMs, double cpuMsPerTask, double othersPercent) {}

    /** Medians over the rounds; {@code cpuMsPerTask}: this JVM with its child processes, plus PostgreSQL. */
    record Summary(
            String shape,
            String path,
            double medianWallMs,
            double minWallMs,
            double maxWallMs,
            double medianMsPerTask,
            double cpuMsPerTask,
            double maxOthersPercent) {}

    record Output(int tasks, List<Summary> summaries, List<Round> rounds, List<ChainProbe.Breakdown> chainBreakdown) {

        Summary get(String shape, String path) {
            return summaries.stream()
                    .filter(s -> s.shape().equals(shape) && s.path().equals(path))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private LocalSection() {}

    static Output run(Params p, Path work, BenchDatabase.Server server, String stamp) throws Exception {
        int n = p.localTasks();
        Map<String, String> irs = new LinkedHashMap<>();
        irs.put("chain", SyntheticIr.chain("bench-true-chain", n, "alpine", List.of("true")));
        irs.put("fan-out", SyntheticIr.rootFanOut("bench-true-fan-out", n, "alpine", List.of("true")));
        List<Round> rounds = new ArrayList<>();
        List<ChainProbe.Breakdown> breakdowns = new ArrayList<>();
        try (LocalExecutor local = Engines.local();
                BenchDatabase db = BenchDatabase.create(server, stamp, false);
                ObjectStores objects = new ObjectStores(work.resolve("s3"))) {
            RunStore store = new PostgresRunStore(db.pool(8));
            var events = new Engines.Completions();
            Map<String, Long> roots = new LinkedHashMap<>();
            roots.put("harness", Proc.pid());
            Cpu cpu = new Cpu(roots);
            ChainProbe probe = new ChainProbe(local);
            events.onTask(probe::taskChanged);
            RunStore memory = new io.ponte.pipelines.adapter.memory.InMemoryRunStore();
            var fs = new io.ponte.pipelines.adapter.memory.FileSystemObjectStore(work.resolve("fs-objects"));
            try (Engine engine = Engines.engine(work.resolve("runner"), store, objects.store(), events, probe);
                    Engine pgFs = Engines.engine(work.resolve("runner-pg-fs"), store, fs, events, probe);
                    Engine memFs = Engines.engine(work.resolve("runner-mem-fs"), memory, fs, events, probe)) {
                for (int round = 0; round <= p.localRepeats(); round++) {
                    for (var shape : irs.entrySet()) {
                        for (String path : PATHS) {
                            Path dir = work.resolve(path).resolve(shape.getKey() + "-" + round);
                            probe.reset();
                            Map<Long, Double> pgBefore = Backends.snapshot(db);
                            var before = cpu.snapshot();
                            long t0 = System.nanoTime();
                            switch (path) {
                                case "direct" -> drive(shape.getKey(), n, i -> direct());
                                case "executor" -> drive(shape.getKey(), n, i -> viaExecutor(local, dir, i));
                                case "runner" -> viaRunner(engine, store, events, shape.getValue(), n);
                                case "runner-pg-fs" -> viaRunner(pgFs, store, events, shape.getValue(), n);
                                default -> viaRunner(memFs, memory, events, shape.getValue(), n);
                            }
                            double wall = (System.nanoTime() - t0) / 1e6;
                            Cpu.Use use = Cpu.between(before, cpu.snapshot());
                            double pgMs = Backends.between(pgBefore, Backends.snapshot(db));
                            double cpuMs = use.cpuMs().values().stream()
                                            .mapToDouble(Double::doubleValue)
                                            .sum()
                                    + pgMs;
                            if (round > 0) {
                                rounds.add(new Round(
                                        shape.getKey(),
                                        path,
                                        round,
                                        wall,
                                        cpuMs / n,
                                        SchedulerRun.othersPercent(use, pgMs, wall)));
                                PipelinesBench.log("local %s %s round %d: %.1f ms", shape.getKey(), path, round, wall);
                                if (shape.getKey().equals("chain") && path.startsWith("runner")) {
                                    breakdowns.add(probe.breakdown(path, n));
                                }
                            }
                        }
                    }
                }
            }
        }
        List<Summary> summaries = new ArrayList<>();
        for (String shape : irs.keySet()) {
            for (String path : PATHS) {
                List<Round> rs = rounds.stream()
                        .filter(r -> r.shape().equals(shape) && r.path().equals(path))
                        .toList();
                double[] walls = rs.stream().mapToDouble(Round::wallMs).toArray();
                double[] cpus = rs.stream().mapToDouble(Round::cpuMsPerTask).toArray();
                double median = SchedulerSection.median(walls);
                summaries.add(new Summary(
                        shape,
                        path,
                        median,
                        java.util.Arrays.stream(walls).min().orElse(Double.NaN),
                        java.util.Arrays.stream(walls).max().orElse(Double.NaN),
                        median / n,
                        SchedulerSection.median(cpus),
                        rs.stream()
                                .mapToDouble(Round::othersPercent)
                                .filter(d -> !Double.isNaN(d))
                                .max()
                                .orElse(Double.NaN)));
            }
        }
        List<ChainProbe.Breakdown> perPath = new ArrayList<>();
        for (String path : PATHS) {
            List<ChainProbe.Breakdown> bs =
                    breakdowns.stream().filter(b -> b.path().equals(path)).toList();
            if (!bs.isEmpty()) {
                perPath.add(new ChainProbe.Breakdown(
                        path,
                        bs.stream().mapToInt(ChainProbe.Breakdown::tasks).sum(),
                        SchedulerSection.median(bs.stream()
                                .mapToDouble(ChainProbe.Breakdown::schedule)
                                .toArray()),
                        SchedulerSection.median(bs.stream()
                                .mapToDouble(ChainProbe.Breakdown::start)
                                .toArray()),
                        SchedulerSection.median(bs.stream()
                                .mapToDouble(ChainProbe.Breakdown::process)
                                .toArray()),
                        SchedulerSection.median(bs.stream()
                                .mapToDouble(ChainProbe.Breakdown::collectStore)
                                .toArray())));
            }
        }
        return new Output(n, summaries, rounds, perPath);
    }

    private static void drive(String shape, int n, DagDriver.Starter starter) throws Exception {
        if (shape.equals("chain")) {
            DagDriver.chain(n, starter);
        } else {
            DagDriver.fanOut(n, LIMIT, starter);
        }
    }

    private static CompletableFuture<?> direct() throws Exception {
        Process process = new ProcessBuilder("true")
                .redirectInput(Redirect.from(new File("/dev/null")))
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.DISCARD)
                .start();
        return process.onExit().thenAccept(p -> {
            if (p.exitValue() != 0) {
                throw new IllegalStateException("true exited " + p.exitValue());
            }
        });
    }

    private static CompletableFuture<?> viaExecutor(LocalExecutor local, Path dir, int i) throws Exception {
        Path workDir = dir.resolve("t" + i);
        TaskLaunch launch = new TaskLaunch(
                "bench",
                "root/step-" + i,
                1,
                "alpine",
                List.of("true"),
                List.of(),
                Map.of(),
                TaskLaunch.Resources.none(),
                workDir,
                List.of(),
                workDir.resolve("attempt.log"),
                Map.of(),
                Optional.empty(),
                Optional.empty());
        return local.start(launch).completion().toCompletableFuture().thenAccept(r -> {
            if (!r.succeeded()) {
                throw new IllegalStateException("task " + i + " ended " + r);
            }
        });
    }

    private static void viaRunner(Engine engine, RunStore store, Engines.Completions events, String ir, int n)
            throws InterruptedException {
        RunRecord run = engine.create(Engines.request(ir, Map.of()));
        RunRecord end = events.await(run.id(), Duration.ofMinutes(5));
        if (end.state() != RunState.SUCCEEDED) {
            throw new IllegalStateException(
                    "run ended " + end.state() + ": " + end.error().orElse(""));
        }
        List<TaskRecord> tasks = store.tasks(run.id());
        long ok = tasks.stream()
                .filter(t -> t.state() == TaskState.SUCCEEDED && t.attempts() == 1)
                .count();
        if (tasks.size() != n || ok != n) {
            throw new IllegalStateException(ok + " of " + tasks.size() + " tasks succeeded at the first attempt");
        }
    }
}
