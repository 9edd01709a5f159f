package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.spi.TaskState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The container attempts of one run: which are active, queued behind the run's limit, or waiting to
 * retry. {@link AttemptStart} stages and starts them on worker threads, {@link AttemptEnd} records
 * how they ended, {@link Retries} schedules the next one. Decisions run on the run's serial executor.
 */
final class Attempts {

    final RunExecution run;
    final Set<Node> active = new LinkedHashSet<>();
    final Set<Node> waitingRetry = new LinkedHashSet<>();
    final AttemptEnd end;
    final Retries retries;
    private final Deque<Node> queued = new ArrayDeque<>();
    private final AttemptStart start;

    Attempts(RunExecution run) {
        this.run = run;
        this.start = new AttemptStart(this);
        this.end = new AttemptEnd(this);
        this.retries = new Retries(this);
    }

    /** A container task is ready: start an attempt when the run's limit allows. */
    void launch(Node node) {
        if (active.size() >= run.ctx.settings().maxRunningTasksPerRun()) {
            queued.add(node);
            return;
        }
        active.add(node);
        node.launching = true;
        start.begin(node);
    }

    /** Runs {@code r} on the run's serial executor, then dispatches what became ready. */
    void post(Runnable r) {
        run.event(r);
    }

    /** An attempt left its slot: launches queued tasks while the limit allows. */
    void next() {
        while (!queued.isEmpty() && active.size() < run.ctx.settings().maxRunningTasksPerRun()) {
            Node n = queued.poll();
            if (run.cancelling && n.task.strategy() != TaskIr.Strategy.ALL_UPSTREAM_TASKS_COMPLETED) {
                run.finish(
                        n,
                        TaskState.CANCELED,
                        Optional.of("the run was terminated before the task started"),
                        Optional.empty());
            } else {
                launch(n);
            }
        }
    }

    /** Terminate: cancels running attempts, pending retries and queued launches. */
    void cancelAll() {
        for (Node n : active) {
            n.cancelRequested = true;
            if (n.handle != null) {
                n.handle.cancel();
            }
        }
        for (Node n : waitingRetry) {
            run.finish(
                    n,
                    TaskState.CANCELED,
                    Optional.of("the run was terminated while the task waited to retry"),
                    Optional.empty());
        }
        waitingRetry.clear();
        next();
    }

    /** Polls the running attempts' progress (Kueue admission, Slurm state) into their status detail. */
    void pollProgress() {
        ProgressPolling.poll(run, active);
    }

    boolean isActive(Node node) {
        return active.contains(node);
    }
}
