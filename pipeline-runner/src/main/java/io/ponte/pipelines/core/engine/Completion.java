package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.DagIr;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finishes nodes: stores the final state, wakes the dependents and the enclosing DAG or loop, and
 * when a DAG's children are all final derives its state and outputs; the root's end ends the run.
 */
final class Completion {

    private final RunExecution run;

    Completion(RunExecution run) {
        this.run = run;
    }

    /** Stores a node's final state and outputs, then wakes its dependents and its DAG. */
    void finish(Node node, TaskState state, Optional<String> detail, Optional<String> error) {
        run.save(node, u -> {
            u.state = state;
            u.inputParameters = node.inputs;
            u.outputParameters = Map.copyOf(node.outputs);
            u.outputArtifacts = Map.copyOf(node.outputArtifacts);
            u.finishedAt = Optional.of(Instant.now());
            if (detail.isPresent()) {
                u.statusDetail = detail;
            }
            u.error = error;
        });
        for (Node d : node.dependents) {
            if (--d.waitingFor == 0) {
                run.ready.add(d);
            }
        }
        Node parent = node.parent;
        if (parent == null) {
            return;
        }
        if (parent.kind == Node.Kind.LOOP) {
            parent.runningIterations--;
            if (--parent.openChildren == 0) {
                run.loops.complete(parent);
            } else {
                run.loops.startIterations(parent);
            }
        } else if (--parent.openChildren == 0) {
            completeDag(parent);
        }
    }

    /** All children of a DAG instance are final: its state and outputs follow. */
    void completeDag(Node dag) {
        List<Node> children = new ArrayList<>(dag.children.values());
        TaskState state = aggregate(children);
        DagIr spec = dag.component.dag().orElseThrow();
        spec.outputParameters().forEach((name, out) -> {
            for (DagIr.OutputSelector s : out.selectors()) {
                Node producer = dag.children.get(s.producerSubtask());
                if (producer != null && producer.outputs.containsKey(s.outputKey())) {
                    dag.outputs.put(name, producer.outputs.get(s.outputKey()));
                    break;
                }
            }
        });
        spec.outputArtifacts().forEach((name, selectors) -> {
            for (DagIr.OutputSelector s : selectors) {
                Node producer = dag.children.get(s.producerSubtask());
                if (producer != null && producer.outputArtifacts.containsKey(s.outputKey())) {
                    dag.outputArtifacts.put(name, producer.outputArtifacts.get(s.outputKey()));
                    break;
                }
            }
        });
        if (dag.kind == Node.Kind.ROOT) {
            completeRun(state, failure(children));
        } else {
            finish(dag, state, Optional.empty(), failure(children));
        }
    }

    /** FAILED when a node failed, else CANCELED when one was cancelled, else SUCCEEDED. */
    static TaskState aggregate(List<Node> nodes) {
        boolean canceled = false;
        for (Node n : nodes) {
            if (n.state() == TaskState.FAILED) {
                return TaskState.FAILED;
            }
            canceled |= n.state() == TaskState.CANCELED;
        }
        return canceled ? TaskState.CANCELED : TaskState.SUCCEEDED;
    }

    /** Why the first failed node failed, naming it. */
    static Optional<String> failure(List<Node> nodes) {
        for (Node n : nodes) {
            if (n.state() == TaskState.FAILED) {
                String why = n.record.error().orElse("failed");
                return Optional.of(why.startsWith("task ") ? why : "task " + n.path + " failed: " + why);
            }
        }
        return Optional.empty();
    }

    private void completeRun(TaskState state, Optional<String> error) {
        RunState runState = run.cancelling
                ? RunState.CANCELED
                : switch (state) {
                    case FAILED -> RunState.FAILED;
                    case CANCELED -> RunState.CANCELED;
                    default -> RunState.SUCCEEDED;
                };
        run.done = true;
        run.logs.awaitAll(); // every attempt's log is stored before the run is final
        run.writer.updateRun(runState, error, Optional.of(Instant.now()));
        run.ctx.finished(run);
        run.ctx.claims().release(run.runId());
    }
}
