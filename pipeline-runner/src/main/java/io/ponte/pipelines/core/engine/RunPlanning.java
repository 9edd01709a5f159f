package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.core.PipelineException.Kind;
import io.ponte.pipelines.core.ir.IrParser;
import io.ponte.pipelines.core.ir.PipelineIr;
import io.ponte.pipelines.core.plan.Plan;
import io.ponte.pipelines.core.plan.PlannedTask;
import io.ponte.pipelines.core.plan.Planner;
import java.util.Map;
import java.util.Optional;

/** Parses and plans a pipeline for a run, checking that every container task has an executor here. */
final class RunPlanning {

    private final EngineContext ctx;

    RunPlanning(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The IR and its plan, from a stored or submitted pipeline spec. */
    record Planned(PipelineIr ir, Plan plan) {}

    Planned plan(String pipelineSpec, Optional<String> executorOverride) {
        PipelineIr ir = new IrParser().parse(pipelineSpec);
        return new Planned(ir, plan(ir, executorOverride));
    }

    Plan plan(PipelineIr ir, Optional<String> executorOverride) {
        Planner planner = new Planner(executorOverride
                .map(e -> ctx.settings().routing().withDefault(e))
                .orElse(ctx.settings().routing()));
        Plan plan = planner.plan(ir);
        Map<String, ?> executors = ctx.executors();
        for (PlannedTask t : plan.tasks().values()) {
            if (t.kind() == PlannedTask.Kind.CONTAINER && !executors.containsKey(t.executorName())) {
                throw new PipelineException(
                        Kind.INVALID,
                        t.task().path(),
                        t.task().path() + ": executor " + t.executorName() + " is not available (available: "
                                + executors.keySet() + ")");
            }
        }
        return plan;
    }
}
