package io.ponte.pipelines.adapter.local;

import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskProgress;
import io.ponte.pipelines.spi.TaskProgress.Phase;
import io.ponte.pipelines.spi.TaskResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A task process: either a child of this runner (followed through {@link Process#onExit()}) or one
 * found again after a restart (followed by polling {@code /proc}). Its exit code comes from the
 * file the launch wrapper writes, so it is the same in both cases.
 */
final class LocalHandle implements TaskHandle {
    private final ProcessRef process;
    private final ExitFile exitFile;
    private final Instant startedAt;
    private final ScheduledExecutorService timers;
    private final Duration killGrace;
    private final Optional<List<String>> stopCommand;
    private final CompletableFuture<TaskResult> done = new CompletableFuture<>();
    private volatile boolean cancelled;
    private volatile String stopReason;
    private volatile ScheduledFuture<?> polling;

    LocalHandle(
            ProcessRef process,
            ExitFile exitFile,
            Instant startedAt,
            ScheduledExecutorService timers,
            Duration killGrace,
            Optional<List<String>> stopCommand) {
        this.process = process;
        this.exitFile = exitFile;
        this.startedAt = startedAt;
        this.timers = timers;
        this.killGrace = killGrace;
        this.stopCommand = stopCommand;
    }

    /** Follows a child of this runner. */
    LocalHandle follow(Process child) {
        child.onExit().thenRun(this::finish);
        return this;
    }

    /** Follows a process this runner did not start, by polling. */
    LocalHandle poll(Duration every) {
        polling = timers.scheduleWithFixedDelay(
                () -> {
                    if (!process.alive()) {
                        finish();
                    }
                },
                0,
                every.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops the process when the deadline (counted from its start) passes. */
    LocalHandle deadline(Optional<Duration> timeout) {
        timeout.ifPresent(t -> {
            long left = Math.max(
                    0, Duration.between(Instant.now(), startedAt.plus(t)).toMillis());
            timers.schedule(
                    () -> {
                        if (!done.isDone()) {
                            stopReason = "deadline exceeded: the task ran longer than " + t;
                            stop();
                        }
                    },
                    left,
                    TimeUnit.MILLISECONDS);
        });
        return this;
    }

    @Override
    public String ref() {
        return process.format();
    }

    @Override
    public TaskProgress progress() {
        TaskResult result = done.getNow(null);
        if (result == null) {
            return new TaskProgress(Phase.RUNNING, "process " + process.pid() + " running since " + startedAt);
        }
        if (result.cancelled()) {
            return new TaskProgress(Phase.CANCELLED, "cancelled");
        }
        return new TaskProgress(
                result.succeeded() ? Phase.SUCCEEDED : Phase.FAILED,
                result.reason().orElse("exit code " + result.exitCode()));
    }

    @Override
    public CompletionStage<TaskResult> completion() {
        return done;
    }

    @Override
    public void cancel() {
        if (done.isDone() || cancelled) {
            return;
        }
        cancelled = true;
        stop();
    }

    /** SIGTERM (or the runtime's own stop command), then SIGKILL to the group after the grace period. */
    private void stop() {
        if (stopCommand.isPresent()) {
            timers.execute(() -> ProcessGroups.run(stopCommand.get()));
        } else {
            ProcessGroups.signal(process, "TERM");
        }
        timers.schedule(
                () -> ProcessGroups.signal(process, "KILL"),
                killGrace.toMillis() + (stopCommand.isPresent() ? 2000 : 0),
                TimeUnit.MILLISECONDS);
    }

    private void finish() {
        if (done.isDone()) {
            return;
        }
        ScheduledFuture<?> p = polling;
        if (p != null) {
            p.cancel(false);
        }
        Optional<Integer> code = exitFile.read();
        Instant now = Instant.now();
        TaskResult result;
        if (cancelled) {
            result = new TaskResult(code.orElse(-1), true, Optional.of("cancelled"), Optional.of(startedAt), now);
        } else if (stopReason != null) {
            result = new TaskResult(code.orElse(-1), false, Optional.of(stopReason), Optional.of(startedAt), now);
        } else if (code.isPresent()) {
            int c = code.get();
            Optional<String> reason = c == 0 ? Optional.empty() : Optional.of("exit code " + c);
            result = new TaskResult(c, false, reason, Optional.of(startedAt), now);
        } else {
            result = new TaskResult(
                    -1,
                    false,
                    Optional.of("the process ended without recording its exit status (killed by a signal?)"),
                    Optional.of(startedAt),
                    now);
        }
        done.complete(result);
    }
}
