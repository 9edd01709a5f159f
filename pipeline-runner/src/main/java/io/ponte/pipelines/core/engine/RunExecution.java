package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.cel.Cel;
import io.ponte.pipelines.core.cel.CelException;
import io.ponte.pipelines.core.ir.ComponentIr;
import io.ponte.pipelines.core.ir.DagIr;
import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.core.ir.PipelineIr;
import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.core.ir.Tasks;
import io.ponte.pipelines.core.plan.Plan;
import io.ponte.pipelines.core.plan.PlannedTask;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One run being executed: expands the DAG as tasks become ready, decides what each ready task does
 * (skip, expand, import, launch), and completes DAGs, loops and the run. Every method runs on the
 * run's {@link SerialExecutor}; container attempts are handled by {@link Attempts}.
 *
 * <p>Work is event driven: each node counts the upstream siblings it still waits for and each DAG
 * the children still open, so an event costs time proportional to the nodes it touches.
 */
final class RunExecution {

    private static final Logger LOG = Logger.getLogger(RunExecution.class);

    /** How stored task records are used when nodes are created. */
    enum Mode {
        /** A new run: stored records are only the initial PENDING ones. */
        FRESH,
        /** After a restart: finished tasks are kept, running ones re-attached. */
        RESUME,
        /** {@code retry}: only succeeded tasks are kept. */
        RETRY
    }

    final EngineContext ctx;
    final PipelineIr ir;
    final Plan plan;
    final RunContext run;
    final SerialExecutor actor;
    final Attempts attempts;
    final boolean caching;
    private final Mode mode;
    private final Map<String, TaskRecord> stored;
    private final Deque<Node> ready = new ArrayDeque<>();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private RunRecord record;
    private Node root;
    boolean cancelling;
    private boolean done;

    RunExecution(
            EngineContext ctx, PipelineIr ir, Plan plan, RunRecord record, Mode mode, List<TaskRecord> storedTasks) {
        this.ctx = ctx;
        this.ir = ir;
        this.plan = plan;
        this.record = record;
        this.mode = mode;
        this.stored = new LinkedHashMap<>();
        storedTasks.forEach(t -> stored.put(t.taskPath(), t));
        this.run = new RunContext(
                record.id(), record.displayName(), record.pipelineName(), record.pipelineRoot(), record.createdAt());
        this.actor = new SerialExecutor(ctx.actors());
        this.caching = ctx.settings().cachingEnabled() && record.cachingEnabled();
        this.attempts = new Attempts(this);
    }

    String runId() {
        return run.runId();
    }

    RunRecord record() {
        return record;
    }

    Optional<Node> node(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /** Starts (or resumes) the run on its executor. */
    void start() {
        actor.execute(() -> {
            if (record.state() != RunState.RUNNING) {
                updateRun(RunState.RUNNING, Optional.empty(), Optional.empty());
            }
            root = new Node("root", null, null, ir.root(), Node.Kind.ROOT, null, "dag");
            root.inputs = record.parameters();
            root.inputArtifacts = rootArtifacts();
            instantiate(root);
            drain();
        });
    }

    private Map<String, List<ArtifactRef>> rootArtifacts() {
        Map<String, List<ArtifactRef>> out = new LinkedHashMap<>();
        ir.root().inputArtifacts().forEach((name, def) -> {
            Object uri = record.parameters().get(name);
            if (uri instanceof String s) {
                out.put(name, List.of(new ArtifactRef(name, s, def.schemaTitle(), Map.of(), Optional.empty())));
            }
        });
        return out;
    }

    /** Asks the run to stop: running attempts are cancelled, exit handlers still run. */
    void terminate() {
        actor.execute(() -> {
            if (done || cancelling) {
                return;
            }
            cancelling = true;
            updateRun(RunState.CANCELING, Optional.empty(), Optional.empty());
            attempts.cancelAll();
            drain();
        });
    }

    // ---- expansion -----------------------------------------------------------------------------

    /** Creates the children of a DAG instance (root, DAG task or loop iteration) and readies those that can start. */
    private void instantiate(Node dag) {
        DagIr spec = dag.component.dag().orElseThrow();
        List<Node> created = new ArrayList<>(spec.tasks().size());
        for (TaskIr task : spec.tasks().values()) {
            Node child = create(dag, task);
            dag.children.put(task.name(), child);
            created.add(child);
        }
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
                    ready.add(child);
                }
            }
        }
        if (dag.openChildren == 0) {
            completeDag(dag);
        }
    }

    private Node create(Node parent, TaskIr task) {
        String path = parent.path + "/" + task.name();
        String staticPath = staticPath(path);
        PlannedTask planned = plan.tasks().get(staticPath);
        ComponentIr component = ir.component(task.componentRef());
        Node.Kind kind;
        ExecutorIr executor = planned.executor().orElse(null);
        if (task.iterator().isPresent()) {
            kind = Node.Kind.LOOP;
        } else if (component.isDag()) {
            kind = Node.Kind.DAG;
        } else {
            kind = switch (planned.kind()) {
                case CONTAINER -> Node.Kind.CONTAINER;
                case IMPORTER -> Node.Kind.IMPORTER;
                default -> Node.Kind.UNSUPPORTED;
            };
        }
        String executorName = kind == Node.Kind.CONTAINER ? planned.executorName() : planned.executorName();
        Node node = new Node(path, parent, task, component, kind, executor, executorName);
        nodes.put(path, node);
        adopt(node, Optional.ofNullable(stored.get(path)));
        return node;
    }

    /** {@code root/loop[2]/train} → {@code root/loop/train}. */
    static String staticPath(String path) {
        return path.indexOf('[') < 0 ? path : path.replaceAll("\\[\\d+]", "");
    }

    private void adopt(Node node, Optional<TaskRecord> previous) {
        if (previous.isEmpty()) {
            node.record = ctx.store()
                    .upsertTask(TaskUpdate.fresh(
                            runId(),
                            node.path,
                            node.name(),
                            node.kind == Node.Kind.CONTAINER ? Optional.of(node.executorName) : Optional.empty()));
            return;
        }
        TaskRecord r = previous.get();
        node.record = r;
        node.attempt = r.attempts();
        boolean keep = switch (mode) {
            case FRESH -> false;
            case RESUME -> r.state().isFinal();
            case RETRY -> r.state() == TaskState.SUCCEEDED || r.state() == TaskState.CACHED;
        };
        if (keep) {
            node.inputs = r.inputParameters();
            node.outputs = new LinkedHashMap<>(r.outputParameters());
            node.outputArtifacts = new LinkedHashMap<>(r.outputArtifacts());
            return;
        }
        if (mode == Mode.RESUME
                && node.kind == Node.Kind.CONTAINER
                && r.executorRef().isPresent()
                && (r.state() == TaskState.RUNNING || r.state() == TaskState.QUEUED)) {
            node.reattachRef = r.executorRef().get();
            return;
        }
        if (r.state() != TaskState.PENDING) {
            save(node, u -> {
                u.state = TaskState.PENDING;
                u.finishedAt = Optional.empty();
                u.error = Optional.empty();
                u.executorRef = Optional.empty();
                u.statusDetail = Optional.of(mode == Mode.RETRY ? "to run again (retry of the run)" : "to run again");
            });
        }
    }

    // ---- readiness -----------------------------------------------------------------------------

    /** Processes ready nodes until none is left. Called at the end of every event. */
    void drain() {
        Node n;
        while ((n = ready.poll()) != null) {
            try {
                onReady(n);
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %s: task %s", runId(), n.path);
                if (!n.isFinal()) {
                    finish(n, TaskState.FAILED, Optional.empty(), Optional.of("internal error: " + e.getMessage()));
                }
            }
        }
    }

    private void onReady(Node node) {
        if (node.isFinal()) {
            return;
        }
        boolean exitHandler = node.task.strategy() == TaskIr.Strategy.ALL_UPSTREAM_TASKS_COMPLETED;
        if (cancelling && !exitHandler) {
            finish(
                    node,
                    TaskState.CANCELED,
                    Optional.of("the run was terminated before the task started"),
                    Optional.empty());
            return;
        }
        if (!exitHandler) {
            for (Node u : node.upstream) {
                if (!u.succeeded()) {
                    finish(
                            node,
                            TaskState.SKIPPED,
                            Optional.of("upstream task " + u.name() + " ended " + u.state()),
                            Optional.empty());
                    return;
                }
            }
        }
        try {
            node.inputs = Inputs.parameters(node, runId());
            node.inputArtifacts = Inputs.artifacts(node);
        } catch (Inputs.MissingInput | CelException e) {
            finish(node, TaskState.FAILED, Optional.empty(), Optional.of(e.getMessage()));
            return;
        }
        if (node.task.condition().isPresent()) {
            boolean holds;
            try {
                holds = Cel.condition(node.task.condition().get(), node.inputs);
            } catch (CelException e) {
                finish(
                        node,
                        TaskState.FAILED,
                        Optional.empty(),
                        Optional.of("condition " + node.task.condition().get() + ": " + e.getMessage()));
                return;
            }
            if (!holds) {
                finish(
                        node,
                        TaskState.SKIPPED,
                        Optional.of("condition " + node.task.condition().get() + " is false"),
                        Optional.empty());
                return;
            }
        }
        switch (node.kind) {
            case DAG -> {
                markRunning(node);
                instantiate(node);
            }
            case LOOP -> startLoop(node);
            case IMPORTER -> importArtifact(node);
            case CONTAINER -> attempts.launch(node);
            default ->
                finish(
                        node,
                        TaskState.FAILED,
                        Optional.empty(),
                        Optional.of("executor " + node.executor.label() + " is of a kind this runner does not run ("
                                + node.executorName + ")"));
        }
    }

    void markRunning(Node node) {
        save(node, u -> {
            u.state = TaskState.RUNNING;
            u.inputParameters = node.inputs;
            u.startedAt = Optional.of(Instant.now());
        });
    }

    private void importArtifact(Node node) {
        ExecutorIr.Importer imp = (ExecutorIr.Importer) node.executor;
        String uri = imp.constantUri()
                .orElseGet(
                        () -> String.valueOf(node.inputs.get(imp.uriParameter().orElseThrow())));
        Map<String, Object> metadata = Importers.metadata(imp.metadata(), node.inputs);
        String output =
                node.component.outputArtifacts().keySet().stream().findFirst().orElse("artifact");
        node.outputArtifacts.put(
                output, List.of(new ArtifactRef(output, uri, imp.schemaTitle(), metadata, Optional.empty())));
        finish(node, TaskState.SUCCEEDED, Optional.of("imported " + uri), Optional.empty());
    }

    // ---- loops ---------------------------------------------------------------------------------

    private void startLoop(Node loop) {
        List<Object> items;
        try {
            items = Loops.items(loop);
        } catch (IllegalArgumentException e) {
            finish(loop, TaskState.FAILED, Optional.empty(), Optional.of(e.getMessage()));
            return;
        }
        markRunning(loop);
        String itemInput = loop.task.iterator().orElseThrow().itemInput();
        boolean artifactItems =
                loop.task.iterator().get().source() instanceof io.ponte.pipelines.core.ir.IteratorIr.ArtifactItems;
        for (int i = 0; i < items.size(); i++) {
            Node it = new Node(loop.path + "[" + i + "]", loop, null, loop.component, Node.Kind.ITERATION, null, "dag");
            it.index = i;
            it.item = items.get(i);
            Map<String, Object> inputs = new LinkedHashMap<>(loop.inputs);
            Map<String, List<ArtifactRef>> arts = new LinkedHashMap<>(loop.inputArtifacts);
            if (artifactItems) {
                arts.put(itemInput, List.of((ArtifactRef) items.get(i)));
            } else {
                inputs.put(itemInput, items.get(i));
            }
            it.inputs = inputs;
            it.inputArtifacts = arts;
            nodes.put(it.path, it);
            loop.iterations.add(it);
            TaskRecord prev = stored.get(it.path);
            if (prev != null) {
                it.record = prev;
                boolean keep = mode == Mode.RESUME
                        ? prev.state().isFinal()
                        : mode == Mode.RETRY
                                && (prev.state() == TaskState.SUCCEEDED || prev.state() == TaskState.CACHED);
                if (keep) {
                    it.outputs = new LinkedHashMap<>(prev.outputParameters());
                    it.outputArtifacts = new LinkedHashMap<>(prev.outputArtifacts());
                    continue;
                }
            } else {
                it.record = ctx.store().upsertTask(TaskUpdate.fresh(runId(), it.path, it.name(), Optional.empty()));
            }
            loop.openChildren++;
        }
        if (loop.openChildren == 0) {
            completeLoop(loop);
            return;
        }
        startIterations(loop);
    }

    private void startIterations(Node loop) {
        int limit = loop.task.iterator().orElseThrow().parallelismLimit();
        while (loop.nextIteration < loop.iterations.size() && (limit <= 0 || loop.runningIterations < limit)) {
            Node it = loop.iterations.get(loop.nextIteration++);
            if (it.isFinal()) {
                continue;
            }
            if (cancelling) {
                save(it, u -> {
                    u.state = TaskState.CANCELED;
                    u.statusDetail = Optional.of("the run was terminated before the iteration started");
                    u.finishedAt = Optional.of(Instant.now());
                });
                loop.openChildren--;
                continue;
            }
            loop.runningIterations++;
            markRunning(it);
            instantiate(it);
        }
        if (loop.openChildren == 0 && !loop.isFinal()) {
            completeLoop(loop);
        }
    }

    private void completeLoop(Node loop) {
        TaskState state = aggregate(loop.iterations);
        Map<String, List<Object>> params = new LinkedHashMap<>();
        Map<String, List<ArtifactRef>> arts = new LinkedHashMap<>();
        DagIr dag = loop.component.dag().orElseThrow();
        for (String name : dag.outputParameters().keySet()) {
            List<Object> values = new ArrayList<>();
            loop.iterations.stream()
                    .filter(i -> i.outputs.containsKey(name))
                    .forEach(i -> values.add(i.outputs.get(name)));
            params.put(name, values);
        }
        for (String name : dag.outputArtifacts().keySet()) {
            List<ArtifactRef> values = new ArrayList<>();
            loop.iterations.stream()
                    .filter(i -> i.outputArtifacts.containsKey(name))
                    .forEach(i -> values.addAll(i.outputArtifacts.get(name)));
            arts.put(name, values);
        }
        loop.outputs.putAll(params);
        loop.outputArtifacts.putAll(arts);
        finish(loop, state, Optional.of(loop.iterations.size() + " iterations"), failure(loop.iterations));
    }

    // ---- completion ----------------------------------------------------------------------------

    /** All children of a DAG instance are final: its state and outputs follow. */
    private void completeDag(Node dag) {
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

    private static TaskState aggregate(List<Node> nodes) {
        boolean canceled = false;
        for (Node n : nodes) {
            if (n.state() == TaskState.FAILED) {
                return TaskState.FAILED;
            }
            canceled |= n.state() == TaskState.CANCELED;
        }
        return canceled ? TaskState.CANCELED : TaskState.SUCCEEDED;
    }

    private static Optional<String> failure(List<Node> nodes) {
        for (Node n : nodes) {
            if (n.state() == TaskState.FAILED) {
                String why = n.record.error().orElse("failed");
                return Optional.of(why.startsWith("task ") ? why : "task " + n.path + " failed: " + why);
            }
        }
        return Optional.empty();
    }

    /** Stores a node's final state and outputs, then wakes its dependents and its DAG. */
    void finish(Node node, TaskState state, Optional<String> detail, Optional<String> error) {
        save(node, u -> {
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
                ready.add(d);
            }
        }
        Node parent = node.parent;
        if (parent == null) {
            return;
        }
        if (parent.kind == Node.Kind.LOOP) {
            parent.runningIterations--;
            if (--parent.openChildren == 0) {
                completeLoop(parent);
            } else {
                startIterations(parent);
            }
        } else if (--parent.openChildren == 0) {
            completeDag(parent);
        }
    }

    private void completeRun(TaskState state, Optional<String> error) {
        RunState runState = cancelling
                ? RunState.CANCELED
                : switch (state) {
                    case FAILED -> RunState.FAILED;
                    case CANCELED -> RunState.CANCELED;
                    default -> RunState.SUCCEEDED;
                };
        done = true;
        updateRun(runState, error, Optional.of(Instant.now()));
        ctx.finished(this);
    }

    // ---- storage -------------------------------------------------------------------------------

    void save(Node node, Consumer<TaskUpdate> change) {
        TaskUpdate u = new TaskUpdate(node.record);
        change.accept(u);
        node.record = ctx.store().upsertTask(u.toRecord());
        ctx.events().taskChanged(node.record);
    }

    private void updateRun(RunState state, Optional<String> error, Optional<Instant> finishedAt) {
        RunRecord r = record;
        RunRecord next = new RunRecord(
                r.id(),
                r.displayName(),
                r.pipelineName(),
                r.pipelineSpec(),
                r.parameters(),
                r.pipelineRoot(),
                r.cachingEnabled(),
                state,
                error.or(() -> state.isFinal() ? Optional.empty() : r.error()),
                r.createdAt(),
                finishedAt,
                r.revision());
        record = ctx.store().updateRun(next);
        ctx.events().runChanged(record);
    }

    boolean isDone() {
        return done;
    }
}
