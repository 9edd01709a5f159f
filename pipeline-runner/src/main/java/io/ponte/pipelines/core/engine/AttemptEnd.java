package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.CacheEntry;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskResult;
import io.ponte.pipelines.spi.TaskState;
import java.time.Instant;
import java.util.Optional;

/**
 * Records an attempt's life on the run's serial executor: started (or re-attached), served from the
 * cache, or ended; an ended attempt's outputs are taken on a worker thread first. The task then
 * succeeds, is cancelled, retries or fails.
 */
final class AttemptEnd {

    private final Attempts attempts;
    private final RunExecution run;

    AttemptEnd(Attempts attempts) {
        this.attempts = attempts;
        this.run = attempts.run;
    }

    void cacheHit(Node node, CacheEntry entry) {
        attempts.active.remove(node);
        node.launching = false;
        node.attempt--;
        node.outputs.putAll(entry.outputParameters());
        node.outputArtifacts.putAll(entry.outputArtifacts());
        String detail = "cache hit: reused the outputs of task " + entry.taskPath() + " of run " + entry.runId()
                + " (cached " + entry.createdAt() + "); key " + entry.key().substring(0, 12) + " covers "
                + entry.keyDescription();
        run.save(node, u -> u.cacheKey = Optional.of(entry.key()));
        run.finish(node, TaskState.CACHED, Optional.of(detail), Optional.empty());
        attempts.next();
    }

    void started(Node node, Prepared prepared, TaskHandle handle) {
        node.handle = handle;
        node.launching = false;
        Instant now = Instant.now();
        // Write-ahead: the executor's ref exists only once start returned, so the attempt cannot be
        // recorded with it before the start. The task's RUNNING state and the attempt's record (both
        // with the ref) go in one transaction right after it. A runner killed before that commit
        // leaves the task as it was (PENDING, or the previous attempt's record) and the resumed run
        // starts the attempt again (at-least-once for attempts in flight at the kill; a record
        // written before the start without a ref would not let resume re-attach either). Killed after
        // it, resume finds task and attempt RUNNING with the ref and re-attaches; never one without
        // the other, since the two writes commit together.
        run.writer.save(
                node,
                u -> {
                    u.state = TaskState.RUNNING;
                    u.attempts = node.attempt;
                    u.inputParameters = node.inputs;
                    u.executor = Optional.of(node.executorName);
                    u.executorRef = Optional.of(handle.ref());
                    u.cacheKey = prepared.cacheKey().map(CacheKeys.Key::key);
                    if (u.startedAt.isEmpty()) {
                        u.startedAt = Optional.of(now);
                    }
                },
                attempt(node, Optional.of(handle.ref()), TaskState.RUNNING, null, null, now, null));
        if (run.cancelling && node.task.strategy() != TaskIr.Strategy.ALL_UPSTREAM_TASKS_COMPLETED
                || node.cancelRequested) {
            node.cancelRequested = true;
            handle.cancel();
        }
        handle.completion()
                .whenComplete((result, error) -> run.ctx.workers().execute(() -> {
                    if (!run.stillHeld()) {
                        return; // the runner that took the run over collects this attempt
                    }
                    TaskResult r = result != null
                            ? result
                            : new TaskResult(
                                    -1,
                                    false,
                                    Optional.of("executor failed: " + error),
                                    Optional.empty(),
                                    Instant.now());
                    Collected collected = run.ctx.collector().collect(prepared, r, run.logs);
                    attempts.post(() -> ended(node, prepared, r, collected.error(), false, collected, now));
                }));
    }

    /** The attempt could not be started. */
    void ended(Node node, Prepared prepared, TaskResult result, Optional<String> error, boolean retriable) {
        ended(node, prepared, result, error, retriable, null, Instant.now());
    }

    private void ended(
            Node node,
            Prepared prepared,
            TaskResult result,
            Optional<String> collectError,
            boolean retriable,
            Collected collected,
            Instant startedAt) {
        attempts.active.remove(node);
        node.handle = null;
        node.launching = false;
        boolean ok = result != null && result.succeeded() && collectError.isEmpty();
        boolean cancelled = result != null && result.cancelled() || node.cancelRequested;
        String error = ok ? null : collectError.orElseGet(() -> why(result));
        TaskState attemptState = ok ? TaskState.SUCCEEDED : cancelled ? TaskState.CANCELED : TaskState.FAILED;
        // Stored with the task's next change (final state or retry), in the same transaction: a
        // resumed run never sees an ended attempt under a task still RUNNING, or the reverse.
        node.endedAttempt = attempt(node, node.record.executorRef(), attemptState, result, collected, startedAt, error);
        if (ok) {
            succeeded(node, prepared, collected);
        } else if (cancelled) {
            run.finish(
                    node,
                    TaskState.CANCELED,
                    Optional.of("cancelled during attempt " + node.attempt),
                    Optional.empty());
        } else if (attempts.retries.allowed(node, retriable)) {
            attempts.retries.schedule(node, error);
        } else {
            run.finish(node, TaskState.FAILED, Optional.of("attempt " + node.attempt + " failed"), Optional.of(error));
        }
        if (node.endedAttempt != null) { // every branch above saves the node; kept safe all the same
            run.ctx.store().saveAttempt(node.endedAttempt);
            node.endedAttempt = null;
        }
        attempts.next();
    }

    private void succeeded(Node node, Prepared prepared, Collected collected) {
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
        run.finish(node, TaskState.SUCCEEDED, Optional.of("attempt " + node.attempt + " succeeded"), Optional.empty());
    }

    private static String why(TaskResult result) {
        if (result == null) {
            return "could not start";
        }
        return result.reason()
                .map(r -> r + " (exit code " + result.exitCode() + ")")
                .orElse("exit code " + result.exitCode());
    }

    private AttemptRecord attempt(
            Node node,
            Optional<String> ref,
            TaskState state,
            TaskResult result,
            Collected collected,
            Instant startedAt,
            String error) {
        boolean running = state == TaskState.RUNNING;
        return new AttemptRecord(
                run.runId(),
                node.path,
                node.attempt,
                node.executorName,
                ref,
                state,
                result == null ? Optional.empty() : Optional.of(result.exitCode()),
                collected == null ? Optional.empty() : collected.logUri(),
                startedAt,
                running ? Optional.empty() : Optional.of(result == null ? Instant.now() : result.finishedAt()),
                Optional.ofNullable(error));
    }
}
