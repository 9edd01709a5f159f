package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ComponentIr;
import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a run's DAG as expanded at run time: a task, a ParallelFor iteration, or the root.
 * Touched only from its run's serial executor.
 */
final class Node {

    /** What the node does when it becomes ready. */
    enum Kind {
        ROOT,
        CONTAINER,
        IMPORTER,
        DAG,
        LOOP,
        ITERATION,
        UNSUPPORTED
    }

    final String path;
    final Node parent;
    final TaskIr task;
    final ComponentIr component;
    final Kind kind;
    final ExecutorIr executor;
    final String executorName;

    /** Children of a DAG, ROOT or ITERATION by task name; iterations of a LOOP by index. */
    final Map<String, Node> children = new LinkedHashMap<>();

    final List<Node> iterations = new ArrayList<>();
    final List<Node> dependents = new ArrayList<>(2);
    final List<Node> upstream = new ArrayList<>(2);
    int waitingFor;
    int openChildren;
    int nextIteration;
    int runningIterations;

    TaskRecord record;
    /** Resolved input parameters (what the component sees). */
    Map<String, Object> inputs = Map.of();
    /** Resolved input artifacts. */
    Map<String, List<ArtifactRef>> inputArtifacts = Map.of();

    Map<String, Object> outputs = new HashMap<>();
    Map<String, List<ArtifactRef>> outputArtifacts = new HashMap<>();
    /** The item of an ITERATION. */
    Object item;

    int index = -1;

    int attempt;
    TaskHandle handle;
    /**
     * An ended attempt's record, written in the same transaction as the node's next change (its
     * final state or its retry); see {@link AttemptEnd}.
     */
    AttemptRecord endedAttempt;

    boolean launching;
    boolean cancelRequested;
    /** A stored reference of an attempt to re-attach to at resume. */
    String reattachRef;

    Node(
            String path,
            Node parent,
            TaskIr task,
            ComponentIr component,
            Kind kind,
            ExecutorIr executor,
            String executorName) {
        this.path = path;
        this.parent = parent;
        this.task = task;
        this.component = component;
        this.kind = kind;
        this.executor = executor;
        this.executorName = executorName;
    }

    TaskState state() {
        return record == null ? TaskState.PENDING : record.state();
    }

    boolean isFinal() {
        return state().isFinal();
    }

    boolean succeeded() {
        return state() == TaskState.SUCCEEDED || state() == TaskState.CACHED;
    }

    String name() {
        return task == null ? (kind == Kind.ITERATION ? parent.task.name() + "[" + index + "]" : "root") : task.name();
    }

    /** The DAG node whose component inputs this node's componentInput references resolve against. */
    Node scope() {
        return parent;
    }

    @Override
    public String toString() {
        return path;
    }
}
