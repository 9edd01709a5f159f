package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.PipelineIr;
import io.ponte.pipelines.core.plan.Plan;
import io.ponte.pipelines.spi.RunRecord;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The runs executing on this engine, by id; a run leaves when it reaches a final state. */
final class ActiveRuns {

    private final Map<String, RunExecution> runs = new ConcurrentHashMap<>();

    /** Builds the execution of a stored run, registers it and starts it. */
    RunExecution start(EngineContext ctx, PipelineIr ir, Plan plan, RunRecord record, RunExecution.Mode mode) {
        RunExecution exec =
                new RunExecution(ctx, ir, plan, record, mode, ctx.store().tasks(record.id()));
        runs.put(record.id(), exec);
        exec.start();
        return exec;
    }

    Optional<RunExecution> get(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    boolean contains(String runId) {
        return runs.containsKey(runId);
    }

    Collection<RunExecution> all() {
        return runs.values();
    }

    void remove(RunExecution run) {
        runs.remove(run.runId(), run);
    }
}
