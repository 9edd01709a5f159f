package io.ponte.bench.pipelines;

import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskProgress;
import io.ponte.pipelines.spi.TaskResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TaskExecutor} whose attempts end the moment they start, successfully, so that everything measured around
 * it is the runner's own work. It honours the container contract just enough for fan-in to work: the arguments are
 * read as {@code FILE VALUE} pairs and each value is written to its file (the resolved output-parameter path), which
 * the runner then reads back like any task's output. It records when each attempt started.
 */
final class NoopExecutor implements TaskExecutor {

    static final String NAME = "noop";

    private final long[] starts;
    private final AtomicInteger count = new AtomicInteger();

    /** Records the start times of up to {@code capacity} attempts. */
    NoopExecutor(int capacity) {
        this.starts = new long[capacity];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TaskHandle start(TaskLaunch launch) throws ExecutorException {
        long now = System.nanoTime();
        int i = count.getAndIncrement();
        if (i < starts.length) {
            starts[i] = now;
        }
        List<String> args = launch.args();
        try {
            for (int a = 0; a + 1 < args.size(); a += 2) {
                Files.writeString(Path.of(args.get(a)), args.get(a + 1));
            }
        } catch (IOException e) {
            throw new ExecutorException("noop: cannot write " + e.getMessage(), false, e);
        }
        return new Done("noop:" + i);
    }

    @Override
    public Optional<TaskHandle> reattach(TaskLaunch launch, String ref) {
        return Optional.empty();
    }

    /** Attempts started since the last {@link #reset()}. */
    int count() {
        return count.get();
    }

    /** Start times (System.nanoTime) of the attempts recorded since the last reset, in start order. */
    long[] starts() {
        return java.util.Arrays.copyOf(starts, Math.min(count.get(), starts.length));
    }

    void reset() {
        count.set(0);
    }

    private record Done(String ref) implements TaskHandle {
        @Override
        public TaskProgress progress() {
            return new TaskProgress(TaskProgress.Phase.SUCCEEDED, "done");
        }

        @Override
        public CompletionStage<TaskResult> completion() {
            Instant now = Instant.now();
            return CompletableFuture.completedFuture(new TaskResult(0, false, Optional.empty(), Optional.of(now), now));
        }

        @Override
        public void cancel() {}
    }
}
