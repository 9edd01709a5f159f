package io.ponte.bench.pipelines;

import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a chain's time goes, task by task: wraps the executor the engine calls and listens to the engine's task
 * events (sent after each change is stored). For task {@code i} of a chain: <b>schedule</b> = task {@code i-1}
 * stored SUCCEEDED → the executor's {@code start} called for task {@code i} (readiness, staging the attempt
 * directory, the hop to a worker thread); <b>start</b> = the {@code start} call itself; <b>process</b> = {@code start}
 * returned → the attempt's completion fired; <b>collect+store</b> = completion → task {@code i} stored SUCCEEDED
 * (log upload, outputs read, attempt and task rows written).
 */
final class ChainProbe implements TaskExecutor {

    /** Medians in ms over the measured tasks. */
    record Breakdown(String path, int tasks, double schedule, double start, double process, double collectStore) {}

    private record Times(long startBegin, long startEnd, long completed, long succeeded) {}

    private final TaskExecutor delegate;
    private final Map<String, long[]> times = new ConcurrentHashMap<>();

    ChainProbe(TaskExecutor delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public TaskHandle start(TaskLaunch launch) throws ExecutorException {
        long[] t = times.computeIfAbsent(launch.taskPath(), k -> new long[4]);
        t[0] = System.nanoTime();
        TaskHandle h = delegate.start(launch);
        t[1] = System.nanoTime();
        h.completion().whenComplete((r, e) -> t[2] = System.nanoTime());
        return h;
    }

    @Override
    public Optional<TaskHandle> reattach(TaskLaunch launch, String ref) throws ExecutorException {
        return delegate.reattach(launch, ref);
    }

    /** Give to {@link Engines.Completions#onTask}. */
    void taskChanged(TaskRecord task) {
        if (task.state() == TaskState.SUCCEEDED) {
            times.computeIfAbsent(task.taskPath(), k -> new long[4])[3] = System.nanoTime();
        }
    }

    void reset() {
        times.clear();
    }

    /** For the chain {@code root/step-1 … root/step-n} just run (the first task, with no predecessor, is left out). */
    Breakdown breakdown(String path, int n) {
        List<Double> schedule = new ArrayList<>();
        List<Double> start = new ArrayList<>();
        List<Double> process = new ArrayList<>();
        List<Double> collect = new ArrayList<>();
        for (int i = 2; i <= n; i++) {
            long[] prev = times.get("root/step-" + (i - 1));
            long[] t = times.get("root/step-" + i);
            if (prev == null || t == null) {
                continue;
            }
            schedule.add((t[0] - prev[3]) / 1e6);
            start.add((t[1] - t[0]) / 1e6);
            process.add((t[2] - t[1]) / 1e6);
            collect.add((t[3] - t[2]) / 1e6);
        }
        return new Breakdown(path, schedule.size(), median(schedule), median(start), median(process), median(collect));
    }

    private static double median(List<Double> v) {
        return SchedulerSection.median(
                v.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
