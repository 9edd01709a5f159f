package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.core.plan.PlannedTask;
import io.ponte.pipelines.spi.CacheEntry;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import java.io.IOException;
import java.util.Optional;

/**
 * Starts an attempt on a worker thread: stages it, looks it up in the cache, starts it through its
 * executor, or re-attaches to the attempt a previous runner left running; the outcome is posted back
 * to the run's serial executor.
 */
final class AttemptStart {

    private final Attempts attempts;
    private final RunExecution run;

    AttemptStart(Attempts attempts) {
        this.attempts = attempts;
        this.run = attempts.run;
    }

    /** Takes the launch snapshot on the run's executor and hands the work to a worker. */
    void begin(Node node) {
        boolean reattach = node.reattachRef != null;
        if (!reattach) {
            node.attempt++;
        }
        LaunchRequest req = request(node);
        String ref = node.reattachRef;
        node.reattachRef = null;
        run.ctx.workers().execute(() -> {
            if (reattach) {
                reattach(node, req, ref);
            } else {
                start(node, req);
            }
        });
    }

    private LaunchRequest request(Node node) {
        PlannedTask planned = run.plan.tasks().get(Paths.staticPath(node.path));
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

    private void start(Node node, LaunchRequest req) {
        AttemptEnd end = attempts.end;
        Prepared prepared;
        try {
            prepared = run.ctx.launcher().prepare(req, true);
        } catch (LaunchFailure e) {
            attempts.post(() -> end.ended(node, null, null, Optional.of(e.getMessage()), false));
            return;
        } catch (IOException | RuntimeException e) {
            attempts.post(() ->
                    end.ended(node, null, null, Optional.of("cannot stage the attempt: " + e.getMessage()), true));
            return;
        }
        if (prepared.cacheKey().isPresent()) {
            Optional<CacheEntry> hit =
                    run.ctx.store().cacheLookup(prepared.cacheKey().get().key());
            if (hit.isPresent()) {
                attempts.post(() -> end.cacheHit(node, hit.get()));
                return;
            }
        }
        TaskExecutor executor = run.ctx.executors().get(req.executorName());
        try {
            TaskHandle handle = executor.start(prepared.launch());
            attempts.post(() -> end.started(node, prepared, handle));
        } catch (ExecutorException e) {
            attempts.post(() -> end.ended(node, prepared, null, Optional.of(e.getMessage()), e.retriable()));
        } catch (RuntimeException e) {
            attempts.post(() ->
                    end.ended(node, prepared, null, Optional.of("executor " + req.executorName() + ": " + e), true));
        }
    }

    private void reattach(Node node, LaunchRequest req, String ref) {
        try {
            Prepared prepared = run.ctx.launcher().prepare(req, false);
            Optional<TaskHandle> handle =
                    run.ctx.executors().get(req.executorName()).reattach(prepared.launch(), ref);
            if (handle.isPresent()) {
                attempts.post(() -> attempts.end.started(node, prepared, handle.get()));
                return;
            }
        } catch (ExecutorException | IOException | LaunchFailure | RuntimeException e) {
            // Treated as lost: the attempt runs again.
        }
        attempts.post(() -> {
            attempts.active.remove(node);
            node.launching = false;
            run.save(
                    node,
                    u -> u.statusDetail =
                            Optional.of("attempt " + node.attempt + " was lost while the runner was down"));
            attempts.launch(node);
        });
    }
}
