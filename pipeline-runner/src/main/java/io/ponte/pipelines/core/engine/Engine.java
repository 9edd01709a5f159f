package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.core.PipelineException.Kind;
import io.ponte.pipelines.core.Runs;
import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.Page;
import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunQuery;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskRecord;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The DAG engine behind {@link Runs}: validates and stores runs, executes them through the {@link
 * TaskExecutor}s, records every change in the {@link RunStore}, and resumes unfinished runs with
 * {@link #resumeAll()} at start-up.
 */
public final class Engine implements Runs, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    private final ActiveRuns active = new ActiveRuns();
    private final EngineContext ctx;
    private final RunPlanning planning;
    private final RunStarts starts;

    public Engine(
            EngineSettings settings,
            RunStore store,
            ObjectStore objects,
            RunEvents events,
            Map<String, TaskExecutor> executors) {
        this.ctx = new EngineContext(settings, store, objects, events, executors, active::remove);
        this.planning = new RunPlanning(ctx);
        this.starts = new RunStarts(ctx, planning, active);
        ctx.timers().scheduleWithFixedDelay(this::pollProgress, 2, 2, TimeUnit.SECONDS);
        long renew = Math.max(50, settings.runLease().toMillis() / 3);
        ctx.timers().scheduleWithFixedDelay(this::renewClaims, renew, renew, TimeUnit.MILLISECONDS);
    }

    @Override
    public RunRecord create(CreateRun request) {
        return starts.create(request);
    }

    @Override
    public Optional<RunRecord> get(String runId) {
        return ctx.store().run(runId);
    }

    @Override
    public Page<RunRecord> list(RunQuery query) {
        return ctx.store().listRuns(query);
    }

    @Override
    public List<TaskRecord> tasks(String runId) {
        requireRun(runId);
        return ctx.store().tasks(runId);
    }

    @Override
    public List<AttemptRecord> attempts(String runId, String taskPath) {
        requireRun(runId);
        ctx.store()
                .task(runId, taskPath)
                .orElseThrow(
                        () -> new PipelineException(Kind.NOT_FOUND, null, "run " + runId + " has no task " + taskPath));
        return ctx.store().attempts(runId, taskPath);
    }

    private RunRecord requireRun(String runId) {
        return ctx.store().run(runId).orElseThrow(() -> new PipelineException(Kind.NOT_FOUND, null, "no run " + runId));
    }

    @Override
    public RunRecord terminate(String runId) {
        RunRecord run = requireRun(runId);
        if (run.state().isFinal()) {
            throw new PipelineException(Kind.CONFLICT, null, "run " + runId + " already ended " + run.state());
        }
        Optional<RunExecution> here = active.get(runId);
        if (here.isPresent()) {
            here.get().terminate();
            return ctx.store().run(runId).orElse(run);
        }
        return starts.terminateElsewhere(run);
    }

    @Override
    public RunRecord retry(String runId) {
        RunRecord run = requireRun(runId);
        if (!run.state().isFinal() || run.state() == RunState.SUCCEEDED) {
            throw new PipelineException(
                    Kind.CONFLICT,
                    null,
                    "only a failed or cancelled run can be retried; run " + runId + " is " + run.state());
        }
        return starts.retry(run);
    }

    @Override
    public RunRecord rerunFrom(String runId, String taskPath, Map<String, Object> parameterChanges) {
        return starts.rerunFrom(requireRun(runId), taskPath, parameterChanges);
    }

    @Override
    public InputStream logs(String runId, String taskPath, Optional<Integer> attempt, boolean follow) {
        requireRun(runId);
        List<AttemptRecord> all = attempts(runId, taskPath);
        return new AttemptLogs(ctx).open(runId, taskPath, all, attempt, follow);
    }

    /** Resumes every run the store says is unfinished; returns how many. Call once at start-up. */
    public int resumeAll() {
        int n = 0;
        for (String id : ctx.store().unfinishedRuns()) {
            if (active.contains(id)) {
                continue;
            }
            try {
                if (starts.resume(id)) {
                    n++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "cannot resume run %s", id);
            }
        }
        return n;
    }

    /** Whether the run is executing here. */
    public boolean isActive(String runId) {
        return active.contains(runId);
    }

    private void pollProgress() {
        for (RunExecution r : active.all()) {
            r.event(r.attempts::pollProgress);
        }
    }

    private void renewClaims() {
        for (RunExecution r : active.all()) {
            r.renewClaim();
        }
    }

    /** Stops scheduling (attempts already started keep running and are re-attached at the next start). */
    @Override
    public void close() {
        ctx.shutdown();
    }
}
