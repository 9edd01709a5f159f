package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.core.plan.PlannedTask;
import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.CacheEntry;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskProgress;
import io.ponte.pipelines.spi.TaskResult;
import io.ponte.pipelines.spi.TaskState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The container attempts of one run: launch (through the cache), start, re-attach, end, retry with
 * backoff, cancel. Decisions run on the run's serial executor; staging, starting and storing outputs
 * run on worker threads and post their outcome back.
 */
final class Attempts {

    private final RunExecution run;
    private final Deque<Node> queued = new ArrayDeque<>();
    private final Set<Node> active = new LinkedHashSet<>();
    private final Set<Node> waitingRetry = new LinkedHashSet<>();

    Attempts(RunExecution run) {
        this.run = run;
    }

    /** A container task is ready: start an attempt when the run's limit allows. */
    void launch(Node node) {
        if (active.size() >= run.ctx.settings().maxRunningTasksPerRun()) {
            queued.add(node);
            return;
        }
        active.add(node);
        node.launching = true;
        boolean reattach = node.reattachRef != null;
        if (!reattach) {
            node.attempt++;
        }
        LaunchRequest req = request(node);
        String ref = node.reattachRef;
        node.reattachRef = null;
        run.ctx.workers().execute(() -> {
            if (reattach) {
                reattachWorker(node, req, ref);
            } else {
                startWorker(node, req);
            }
        });
    }

    private LaunchRequest request(Node node) {
        PlannedTask planned = run.plan.tasks().get(RunExecution.staticPath(node.path));
        return new LaunchRequest(
                run.run,
                node.path,
                node.name(),
                node.attempt,
                (ExecutorIr.Container) node.executor,
                node.component,
                node.inputs,
                node.inputArtifacts,
                node.executorName,
                planned.placement(),
                run.caching && node.task.cacheEnabled());
    }

    private void startWorker(Node node, LaunchRequest req) {
        Prepared prepared;
        try {
            prepared = run.ctx.launcher().prepare(req, true);
        } catch (Launcher.LaunchFailure e) {
            post(() -> ended(node, null, null, Optional.of(e.getMessage()), false));
            return;
        } catch (IOException | RuntimeException e) {
            post(() -> ended(node, null, null, Optional.of("cannot stage the attempt: " + e.getMessage()), true));
            return;
        }
        if (prepared.cacheKey().isPresent()) {
            Optional<CacheEntry> hit =
                    run.ctx.store().cacheLookup(prepared.cacheKey().get().key());
            if (hit.isPresent()) {
                post(() -> cacheHit(node, prepared, hit.get()));
                return;
            }
        }
        TaskExecutor executor = run.ctx.executors().get(req.executorName());
        try {
            TaskHandle handle = executor.start(prepared.launch());
            post(() -> started(node, prepared, handle));
        } catch (ExecutorException e) {
            post(() -> ended(node, prepared, null, Optional.of(e.getMessage()), e.retriable()));
        } catch (RuntimeException e) {
            post(() -> ended(node, prepared, null, Optional.of("executor " + req.executorName() + ": " + e), true));
        }
    }

    private void reattachWorker(Node node, LaunchRequest req, String ref) {
        try {
            Prepared prepared = run.ctx.launcher().prepare(req, false);
            Optional<TaskHandle> handle =
                    run.ctx.executors().get(req.executorName()).reattach(prepared.launch(), ref);
            if (handle.isPresent()) {
                post(() -> started(node, prepared, handle.get()));
                return;
            }
        } catch (ExecutorException | IOException | Launcher.LaunchFailure | RuntimeException e) {
            // Treated as lost: the attempt runs again.
        }
        post(() -> {
            active.remove(node);
            node.launching = false;
            run.save(
                    node,
                    u -> u.statusDetail =
                            Optional.of("attempt " + node.attempt + " was lost while the runner was down"));
            launch(node);
        });
    }

    private void post(Runnable r) {
        run.actor.execute(() -> {
            r.run();
            run.drain();
        });
    }

    private void cacheHit(Node node, Prepared prepared, CacheEntry entry) {
        active.remove(node);
        node.launching = false;
        node.attempt--;
        node.outputs.putAll(entry.outputParameters());
        node.outputArtifacts.putAll(entry.outputArtifacts());
        String detail = "cache hit: reused the outputs of task " + entry.taskPath() + " of run " + entry.runId()
                + " (cached " + entry.createdAt() + "); key " + entry.key().substring(0, 12) + " covers "
                + entry.keyDescription();
        run.save(node, u -> u.cacheKey = Optional.of(entry.key()));
        run.finish(node, TaskState.CACHED, Optional.of(detail), Optional.empty());
        next();
    }

    private void started(Node node, Prepared prepared, TaskHandle handle) {
        node.handle = handle;
        node.launching = false;
        Instant now = Instant.now();
        run.save(node, u -> {
            u.state = TaskState.RUNNING;
            u.attempts = node.attempt;
            u.inputParameters = node.inputs;
            u.executor = Optional.of(node.executorName);
            u.executorRef = Optional.of(handle.ref());
            u.cacheKey = prepared.cacheKey().map(CacheKeys.Key::key);
            if (u.startedAt.isEmpty()) {
                u.startedAt = Optional.of(now);
            }
        });
        run.ctx
                .store()
                .saveAttempt(new AttemptRecord(
                        run.runId(),
                        node.path,
                        node.attempt,
                        node.executorName,
                        Optional.of(handle.ref()),
                        TaskState.RUNNING,
                        Optional.empty(),
                        Optional.empty(),
                        now,
                        Optional.empty(),
                        Optional.empty()));
        if (run.cancelling && node.task.strategy() != TaskIr.Strategy.ALL_UPSTREAM_TASKS_COMPLETED
                || node.cancelRequested) {
            node.cancelRequested = true;
            handle.cancel();
        }
        handle.completion()
                .whenComplete((result, error) -> run.ctx.workers().execute(() -> {
                    TaskResult r = result != null
                            ? result
                            : new TaskResult(
                                    -1,
                                    false,
                                    Optional.of("executor failed: " + error),
                                    Optional.empty(),
                                    Instant.now());
                    Launcher.Collected collected = run.ctx.launcher().collect(prepared, r);
                    post(() -> ended(node, prepared, r, collected.error(), false, collected, now));
                }));
    }

    private void ended(Node node, Prepared prepared, TaskResult result, Optional<String> error, boolean retriable) {
        ended(node, prepared, result, error, retriable, null, Instant.now());
    }

    private void ended(
            Node node,
            Prepared prepared,
            TaskResult result,
            Optional<String> collectError,
            boolean retriable,
            Launcher.Collected collected,
            Instant startedAt) {
        active.remove(node);
        node.handle = null;
        node.launching = false;
        boolean ok = result != null && result.succeeded() && collectError.isEmpty();
        boolean cancelled = result != null && result.cancelled() || node.cancelRequested;
        String error = ok
                ? null
                : collectError.orElseGet(() -> result == null
                        ? "could not start"
                        : result.reason()
                                .map(r -> r + " (exit code " + result.exitCode() + ")")
                                .orElse("exit code " + result.exitCode()));
        TaskState attemptState = ok ? TaskState.SUCCEEDED : cancelled ? TaskState.CANCELED : TaskState.FAILED;
        run.ctx
                .store()
                .saveAttempt(new AttemptRecord(
                        run.runId(),
                        node.path,
                        node.attempt,
                        node.executorName,
                        node.record.executorRef(),
                        attemptState,
                        result == null ? Optional.empty() : Optional.of(result.exitCode()),
                        collected == null ? Optional.empty() : collected.logUri(),
                        startedAt,
                        Optional.of(result == null ? Instant.now() : result.finishedAt()),
                        Optional.ofNullable(error)));
        if (ok) {
            node.outputs.putAll(collected.parameters());
            node.outputArtifacts.putAll(collected.artifacts());
            prepared.cacheKey()
                    .ifPresent(k -> run.ctx
                            .store()
                            .cachePut(new CacheEntry(
                                    k.key(),
                                    k.description(),
                                    run.runId(),
                                    node.path,
                                    collected.parameters(),
                                    collected.artifacts(),
                                    Instant.now())));
            run.finish(
                    node, TaskState.SUCCEEDED, Optional.of("attempt " + node.attempt + " succeeded"), Optional.empty());
        } else if (cancelled) {
            run.finish(
                    node,
                    TaskState.CANCELED,
                    Optional.of("cancelled during attempt " + node.attempt),
                    Optional.empty());
        } else if (retryAllowed(node, retriable)) {
            scheduleRetry(node, error);
        } else {
            run.finish(node, TaskState.FAILED, Optional.of("attempt " + node.attempt + " failed"), Optional.of(error));
        }
        next();
    }

    private boolean retryAllowed(Node node, boolean retriable) {
        if (run.cancelling) {
            return false;
        }
        int max = node.task.retry().map(TaskIr.RetryPolicy::maxRetryCount).orElse(0);
        return node.attempt <= max || retriable && node.attempt < 3;
    }

    private void scheduleRetry(Node node, String error) {
        Duration delay = node.task.retry().map(r -> r.delayBefore(node.attempt)).orElse(Duration.ofSeconds(1));
        int max = node.task.retry().map(TaskIr.RetryPolicy::maxRetryCount).orElse(2);
        run.save(node, u -> {
            u.attempts = node.attempt;
            u.statusDetail = Optional.of("attempt " + node.attempt + " failed (" + error + "); retry " + node.attempt
                    + " of " + max + " in " + delay.toMillis() + " ms");
        });
        waitingRetry.add(node);
        run.ctx
                .timers()
                .schedule(
                        () -> post(() -> {
                            if (waitingRetry.remove(node) && !node.isFinal()) {
                                launch(node);
                            }
                        }),
                        delay.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    private void next() {
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
        for (Node n : active) {
            TaskHandle h = n.handle;
            if (h == null) {
                continue;
            }
            TaskProgress p;
            try {
                p = h.progress();
            } catch (RuntimeException e) {
                continue;
            }
            TaskState state = p.phase() == TaskProgress.Phase.QUEUED ? TaskState.QUEUED : TaskState.RUNNING;
            if (n.record.state() != state && !n.record.state().isFinal()
                    || !n.record.statusDetail().equals(Optional.ofNullable(p.detail()))) {
                if (p.phase() == TaskProgress.Phase.QUEUED || p.phase() == TaskProgress.Phase.RUNNING) {
                    run.save(n, u -> {
                        u.state = state;
                        u.statusDetail = Optional.ofNullable(p.detail());
                    });
                }
            }
        }
    }

    boolean isActive(Node node) {
        return active.contains(node);
    }
}
