package io.ponte.bench.pipelines;

import io.ponte.bench.common.Cpu;
import io.ponte.pipelines.adapter.memory.FileSystemObjectStore;
import io.ponte.pipelines.core.engine.Engine;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.TaskRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a synthetic pipeline on the no-op executor: wall time from {@code create} to the run's final state,
 * when each attempt started, CPU of this JVM (the runner) and of the PostgreSQL server over the run, and what the
 * run left in the store.
 */
final class SchedulerRun {

    /**
     * @param createMs {@code create} alone: parse, validate, plan, store the run and its top-level tasks, start
     * @param wallMs {@code create} called → the run's final state stored
     * @param firstStartMs {@code create} called → first attempt started (expansion before any attempt can start)
     * @param startSpanMs first attempt started → last attempt started
     * @param startsPerSecond attempts started per second over the whole run ({@code attempts / wall})
     * @param wallPerTaskMs wall time per container task: with a no-op executor, the runner's overhead per task
     * @param runnerCpuMsPerTask CPU of this JVM per container task
     * @param postgresCpuMsPerTask CPU of the PostgreSQL server (all its processes) per container task
     * @param othersPercent share of the machine's CPUs other programs took during the run
     */
    record Result(
            String shape,
            String store,
            int attempts,
            int taskRows,
            double createMs,
            double wallMs,
            double firstStartMs,
            double startSpanMs,
            double startsPerSecond,
            double wallPerTaskMs,
            double runnerCpuMsPerTask,
            double postgresCpuMsPerTask,
            double othersPercent) {}

    private SchedulerRun() {}

    static Result run(
            String shape,
            String ir,
            int expectedAttempts,
            String storeName,
            RunStore store,
            BenchDatabase db,
            Path workDir,
            NoopExecutor noop,
            int expectedCollected)
            throws InterruptedException {
        noop.reset();
        var events = new Engines.Completions();
        Map<String, Long> roots = new LinkedHashMap<>();
        roots.put("runner", Proc.pid());
        Cpu cpu = new Cpu(roots);
        RunRecord end;
        long t0;
        long created;
        long ended;
        Cpu.Use use;
        double pgMs;
        String runId;
        try (Engine engine =
                Engines.engine(workDir, store, new FileSystemObjectStore(workDir.resolve("objects")), events, noop)) {
            Map<Long, Double> pgBefore = db == null ? Map.of() : Backends.snapshot(db);
            var before = cpu.snapshot();
            t0 = System.nanoTime();
            RunRecord run = engine.create(Engines.request(ir, Map.of()));
            created = System.nanoTime();
            end = events.await(run.id(), Duration.ofMinutes(30));
            ended = System.nanoTime();
            use = Cpu.between(before, cpu.snapshot());
            pgMs = db == null ? Double.NaN : Backends.between(pgBefore, Backends.snapshot(db));
            runId = run.id();
        }
        if (end.state() != RunState.SUCCEEDED) {
            throw new IllegalStateException(shape + " on " + storeName + " ended " + end.state() + ": "
                    + end.error().orElse(""));
        }
        int attempts = noop.count();
        if (attempts != expectedAttempts) {
            throw new IllegalStateException(
                    shape + " on " + storeName + ": " + attempts + " attempts, expected " + expectedAttempts);
        }
        if (expectedCollected >= 0 && collected(store, runId) != expectedCollected) {
            throw new IllegalStateException(shape + " on " + storeName + ": the fan-in task got "
                    + collected(store, runId) + " values, expected " + expectedCollected);
        }
        List<TaskRecord> tasks = store.tasks(runId);
        long[] starts = noop.starts();
        double wallMs = (ended - t0) / 1e6;
        return new Result(
                shape,
                storeName,
                attempts,
                tasks.size(),
                (created - t0) / 1e6,
                wallMs,
                (starts[0] - t0) / 1e6,
                (starts[starts.length - 1] - starts[0]) / 1e6,
                attempts / (wallMs / 1000),
                wallMs / attempts,
                use.cpuMs().getOrDefault("runner", Double.NaN) / attempts,
                pgMs / attempts,
                othersPercent(use, pgMs, wallMs));
    }

    /** Others' CPU share, with this run's own PostgreSQL backends (outside the observed trees) taken out. */
    static double othersPercent(Cpu.Use use, double pgMs, double wallMs) {
        if (Double.isNaN(pgMs)) {
            return use.othersPercent();
        }
        double own = 100 * pgMs / (wallMs * Runtime.getRuntime().availableProcessors());
        return Math.max(0, use.othersPercent() - own);
    }

    /** The fan-in task's collected input: how many values reached it. */
    private static int collected(RunStore store, String runId) {
        return store.task(runId, "root/collect")
                .map(t -> t.inputParameters().get("xs"))
                .map(v -> v instanceof List<?> l ? l.size() : -1)
                .orElse(-1);
    }
}
