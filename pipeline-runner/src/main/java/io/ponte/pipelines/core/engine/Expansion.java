package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ComponentIr;
import io.ponte.pipelines.core.ir.DagIr;
import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.core.ir.Tasks;
import io.ponte.pipelines.core.plan.PlannedTask;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Creates the nodes of a DAG instance (the root, a DAG task, a loop iteration) when it starts, wires
 * their dependencies, and readies those that can start. A node whose task was stored before (resume,
 * retry, rerun) adopts the stored record as the run's {@link RunExecution.Mode} says.
 */
final class Expansion {

    private final RunExecution run;

    Expansion(RunExecution run) {
        this.run = run;
    }

    /** Creates the children of a DAG instance and readies those that can start. */
    void instantiate(Node dag) {
        instantiateAll(List.of(dag));
    }

    /**
     * Creates the children of several DAG instances (the iterations a loop starts at once) and
     * readies those that can start. Children never stored before get their first records in one
     * transaction for all the instances, before any of them can start.
     */
    void instantiateAll(List<Node> dags) {
        List<List<Node>> created = new ArrayList<>(dags.size());
        List<Node> fresh = new ArrayList<>();
        for (Node dag : dags) {
            DagIr spec = dag.component.dag().orElseThrow();
            List<Node> children = new ArrayList<>(spec.tasks().size());
            for (TaskIr task : spec.tasks().values()) {
                Node child = create(dag, task, fresh);
                dag.children.put(task.name(), child);
                children.add(child);
            }
            created.add(children);
        }
        List<TaskRecord> stored = run.writer.insertAll(fresh.stream()
                .map(n -> TaskUpdate.fresh(
                        run.runId(),
                        n.path,
                        n.name(),
                        n.kind == Node.Kind.CONTAINER ? Optional.of(n.executorName) : Optional.empty()))
                .toList());
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).record = stored.get(i);
        }
        for (int i = 0; i < dags.size(); i++) {
            wire(dags.get(i), created.get(i));
        }
    }

    private void wire(Node dag, List<Node> created) {
        for (Node child : created) {
            for (String up : Tasks.upstream(child.task)) {
                Node u = dag.children.get(up);
                child.upstream.add(u);
                if (!u.isFinal()) {
                    u.dependents.add(child);
                    child.waitingFor++;
                }
            }
        }
        for (Node child : created) {
            if (!child.isFinal()) {
                dag.openChildren++;
                if (child.waitingFor == 0 && !child.launching) {
                    run.ready.add(child);
                }
            }
        }
        if (dag.openChildren == 0) {
            run.completion.completeDag(dag);
        }
    }

    private Node create(Node parent, TaskIr task, List<Node> fresh) {
        String path = parent.path + "/" + task.name();
        PlannedTask planned = run.plan.tasks().get(Paths.staticPath(path));
        ComponentIr component = run.ir.component(task.componentRef());
        ExecutorIr executor = planned.executor().orElse(null);
        Node node = new Node(
                path, parent, task, component, kind(task, component, planned), executor, planned.executorName());
        run.nodes.put(path, node);
        TaskRecord previous = run.stored.get(path);
        if (previous == null) {
            fresh.add(node);
        } else {
            adopt(node, previous);
        }
        return node;
    }

    private static Node.Kind kind(TaskIr task, ComponentIr component, PlannedTask planned) {
        if (task.iterator().isPresent()) {
            return Node.Kind.LOOP;
        }
        if (component.isDag()) {
            return Node.Kind.DAG;
        }
        return switch (planned.kind()) {
            case CONTAINER -> Node.Kind.CONTAINER;
            case IMPORTER -> Node.Kind.IMPORTER;
            default -> Node.Kind.UNSUPPORTED;
        };
    }

    /** Whether a stored record's outputs are kept in this mode (the task is not run again). */
    static boolean keeps(RunExecution.Mode mode, TaskRecord r) {
        return switch (mode) {
            case FRESH -> false;
            case RESUME -> r.state().isFinal();
            case RETRY -> r.state() == TaskState.SUCCEEDED || r.state() == TaskState.CACHED;
        };
    }

    private void adopt(Node node, TaskRecord r) {
        node.record = r;
        node.attempt = r.attempts();
        if (keeps(run.mode, r)) {
            node.inputs = r.inputParameters();
            node.outputs = new LinkedHashMap<>(r.outputParameters());
            node.outputArtifacts = new LinkedHashMap<>(r.outputArtifacts());
            return;
        }
        if (run.mode == RunExecution.Mode.RESUME
                && node.kind == Node.Kind.CONTAINER
                && r.executorRef().isPresent()
                && (r.state() == TaskState.RUNNING || r.state() == TaskState.QUEUED)) {
            node.reattachRef = r.executorRef().get();
            return;
        }
        if (r.state() != TaskState.PENDING) {
            run.save(node, u -> {
                u.state = TaskState.PENDING;
                u.finishedAt = Optional.empty();
                u.error = Optional.empty();
                u.executorRef = Optional.empty();
                u.statusDetail = Optional.of(
                        run.mode == RunExecution.Mode.RETRY ? "to run again (retry of the run)" : "to run again");
            });
        }
    }
}
