package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.cel.Cel;
import io.ponte.pipelines.core.cel.CelException;
import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.spi.TaskState;
import java.util.Optional;

/**
 * Decides what a ready node does: CANCELED when the run is terminating (except exit handlers),
 * SKIPPED when an upstream task did not succeed (except exit handlers) or its condition is false,
 * FAILED when its inputs cannot be resolved; otherwise a DAG expands, a loop starts its iterations,
 * an importer records its artifact and a container is launched.
 */
final class Dispatch {

    private final RunExecution run;

    Dispatch(RunExecution run) {
        this.run = run;
    }

    void onReady(Node node) {
        if (node.isFinal()) {
            return;
        }
        boolean exitHandler = node.task.strategy() == TaskIr.Strategy.ALL_UPSTREAM_TASKS_COMPLETED;
        if (run.cancelling && !exitHandler) {
            end(node, TaskState.CANCELED, "the run was terminated before the task started");
            return;
        }
        if (!exitHandler) {
            for (Node u : node.upstream) {
                if (!u.succeeded()) {
                    end(node, TaskState.SKIPPED, "upstream task " + u.name() + " ended " + u.state());
                    return;
                }
            }
        }
        try {
            node.inputs = Inputs.parameters(node, run.runId());
            node.inputArtifacts = Inputs.artifacts(node);
        } catch (Inputs.MissingInput | CelException e) {
            run.finish(node, TaskState.FAILED, Optional.empty(), Optional.of(e.getMessage()));
            return;
        }
        if (node.task.condition().isPresent()
                && !conditionHolds(node, node.task.condition().get())) {
            return;
        }
        start(node);
    }

    /** Evaluates the trigger condition; a false or broken condition ends the node. */
    private boolean conditionHolds(Node node, String condition) {
        boolean holds;
        try {
            holds = Cel.condition(condition, node.inputs);
        } catch (CelException e) {
            run.finish(
                    node,
                    TaskState.FAILED,
                    Optional.empty(),
                    Optional.of("condition " + condition + ": " + e.getMessage()));
            return false;
        }
        if (!holds) {
            end(node, TaskState.SKIPPED, "condition " + condition + " is false");
        }
        return holds;
    }

    private void start(Node node) {
        switch (node.kind) {
            case DAG -> {
                run.writer.markRunning(node);
                run.expansion.instantiate(node);
            }
            case LOOP -> run.loops.start(node);
            case IMPORTER -> Importing.importArtifact(run, node);
            case CONTAINER -> run.attempts.launch(node);
            default ->
                run.finish(
                        node,
                        TaskState.FAILED,
                        Optional.empty(),
                        Optional.of("executor " + node.executor.label() + " is of a kind this runner does not run ("
                                + node.executorName + ")"));
        }
    }

    private void end(Node node, TaskState state, String detail) {
        run.finish(node, state, Optional.of(detail), Optional.empty());
    }
}
