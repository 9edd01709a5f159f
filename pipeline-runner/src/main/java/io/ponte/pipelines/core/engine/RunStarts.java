package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.core.PipelineException.Kind;
import io.ponte.pipelines.core.Runs.CreateRun;
import io.ponte.pipelines.core.ir.IrParser;
import io.ponte.pipelines.core.ir.PipelineIr;
import io.ponte.pipelines.core.plan.Plan;
import io.ponte.pipelines.core.plan.PlannedTask;
import io.ponte.pipelines.spi.RunClaim;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.StaleRecordException;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stores new, re-opened and resumed runs and starts their executions, each under this runner's
 * claim: a run another live runner holds is neither resumed nor retried here.
 */
final class RunStarts {

    private final EngineContext ctx;
    private final RunPlanning planning;
    private final ActiveRuns active;

    RunStarts(EngineContext ctx, RunPlanning planning, ActiveRuns active) {
        this.ctx = ctx;
        this.planning = planning;
        this.active = active;
    }

    RunRecord create(CreateRun request) {
        PipelineIr ir = new IrParser().parse(request.pipelineSpec());
        Map<String, Object> parameters = RunParameters.check(ir, request.parameters());
        Plan plan = planning.plan(ir, request.executor());
        RunRecord run = RunRecords.fresh(
                request.displayName().filter(s -> !s.isBlank()).orElse(ir.displayName()),
                ir.name(),
                Specs.stored(ir),
                parameters,
                pipelineRoot(request, ir),
                request.cachingEnabled());
        List<TaskRecord> initial = new ArrayList<>();
        for (PlannedTask t : plan.topLevel()) {
            initial.add(TaskUpdate.fresh(
                    run.id(),
                    t.path(),
                    t.task().name(),
                    t.kind() == PlannedTask.Kind.CONTAINER ? Optional.of(t.executorName()) : Optional.empty()));
        }
        try {
            ctx.store().createRun(run, initial);
        } catch (RuntimeException e) {
            throw new PipelineException(Kind.UNAVAILABLE, null, "cannot store the run: " + e.getMessage(), e);
        }
        ctx.claims().claim(run.id());
        ctx.events().runChanged(run);
        active.start(ctx, ir, plan, run, RunExecution.Mode.FRESH);
        return run;
    }

    private String pipelineRoot(CreateRun request, PipelineIr ir) {
        String root = request.pipelineRoot()
                .or(() -> ir.defaultPipelineRoot().filter(r -> r.startsWith("s3://")))
                .orElse(ctx.settings().defaultPipelineRoot());
        if (!root.startsWith("s3://")) {
            throw new PipelineException(
                    Kind.INVALID, "pipelineRoot", "the pipeline root must be an s3:// URI: " + root);
        }
        return root;
    }

    /** Re-opens a failed or cancelled run and runs the tasks that did not succeed. */
    RunRecord retry(RunRecord run) {
        RunPlanning.Planned p = planning.plan(run.pipelineSpec(), Optional.empty());
        requireClaim(run.id());
        RunRecord reopened =
                ctx.store().updateRun(RunRecords.withState(run, RunState.RUNNING, Optional.empty(), Optional.empty()));
        ctx.events().runChanged(reopened);
        active.start(ctx, p.ir(), p.plan(), reopened, RunExecution.Mode.RETRY);
        return reopened;
    }

    RunRecord rerunFrom(RunRecord old, String taskPath, Map<String, Object> parameterChanges) {
        RunPlanning.Planned p = planning.plan(old.pipelineSpec(), Optional.empty());
        String from = Paths.staticPath(taskPath);
        if (!p.plan().tasks().containsKey(from)) {
            throw new PipelineException(Kind.NOT_FOUND, null, "the pipeline has no task " + taskPath);
        }
        Map<String, Object> params = new LinkedHashMap<>(old.parameters());
        params.putAll(parameterChanges);
        params = RunParameters.check(p.ir(), params);
        Set<String> rerun = Downstream.of(p.plan(), from);
        RunRecord run = RunRecords.fresh(
                old.displayName() + " (rerun from " + taskPath + ")",
                old.pipelineName(),
                old.pipelineSpec(),
                params,
                old.pipelineRoot(),
                old.cachingEnabled());
        List<TaskRecord> kept = new ArrayList<>();
        for (TaskRecord t : ctx.store().tasks(old.id())) {
            if (t.state().isFinal()
                    && t.state() != TaskState.FAILED
                    && t.state() != TaskState.CANCELED
                    && !rerun.contains(Paths.staticPath(t.taskPath()))) {
                kept.add(RunRecords.kept(t, run.id(), old.id()));
            }
        }
        ctx.store().createRun(run, kept);
        ctx.claims().claim(run.id());
        ctx.events().runChanged(run);
        active.start(ctx, p.ir(), p.plan(), run, RunExecution.Mode.RESUME);
        return run;
    }

    /** Resumes one unfinished run from its stored tasks; false when it is gone or another runner holds it. */
    boolean resume(String runId) {
        if (!ctx.claims().hold(runId)) {
            return false;
        }
        Optional<RunRecord> run = ctx.store().run(runId);
        if (run.isEmpty()) {
            return false;
        }
        RunPlanning.Planned p = planning.plan(run.get().pipelineSpec(), Optional.empty());
        RunExecution exec = active.start(ctx, p.ir(), p.plan(), run.get(), RunExecution.Mode.RESUME);
        if (run.get().state() == RunState.CANCELING) {
            exec.terminate();
        }
        return true;
    }

    /**
     * Terminates a run that does not execute here: a run nobody holds any more is taken over and
     * terminated here (its exit handlers run here); a run another runner holds is marked CANCELING
     * in the store, and its runner terminates it at its next claim renewal.
     */
    RunRecord terminateElsewhere(RunRecord run) {
        if (ctx.claims().hold(run.id()) && resume(run.id())) {
            active.get(run.id()).ifPresent(RunExecution::terminate);
            return ctx.store().run(run.id()).orElse(run);
        }
        RunRecord current = run;
        for (int tries = 0; ; tries++) {
            if (current.state().isFinal() || current.state() == RunState.CANCELING) {
                return current;
            }
            try {
                RunRecord asked = RunRecords.withState(current, RunState.CANCELING, current.error(), Optional.empty());
                RunRecord stored = ctx.store().updateRun(asked);
                ctx.events().runChanged(stored);
                return stored;
            } catch (StaleRecordException e) {
                if (tries == 4) {
                    throw new PipelineException(
                            Kind.UNAVAILABLE, null, "run " + run.id() + " changes too fast to terminate; try again");
                }
                current = ctx.store().run(run.id()).orElse(current);
            }
        }
    }

    private void requireClaim(String runId) {
        Optional<RunClaim> claim = ctx.claims().claim(runId);
        if (claim.isPresent() && !claim.get().owner().equals(ctx.claims().runnerId())) {
            throw new PipelineException(
                    Kind.CONFLICT,
                    null,
                    "run " + runId + " is held by runner " + claim.get().owner() + " until "
                            + claim.get().until());
        }
    }
}
