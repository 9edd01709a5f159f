package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.PipelineIr;
import io.ponte.pipelines.core.plan.Plan;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.RunClaim;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One run being executed. Its parts, by role: {@link Expansion} creates the nodes of a DAG instance,
 * {@link Dispatch} decides what a ready node does, {@link LoopExecution} runs ParallelFor iterations,
 * {@link Completion} finishes nodes, DAGs and the run, {@link RunWriter} stores every change, and
 * {@link Attempts} runs container attempts. Every method runs on the run's {@link SerialExecutor}.
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
    final boolean caching;
    final Mode mode;
    /** Task records stored before this execution started, by path. */
    final Map<String, TaskRecord> stored = new LinkedHashMap<>();
    /** Nodes whose upstream is final, to be dispatched by {@link #drain()}. */
    final Deque<Node> ready = new ArrayDeque<>();
    /** Every node created so far, by path. */
    final Map<String, Node> nodes = new LinkedHashMap<>();

    final RunWriter writer;
    final Expansion expansion;
    final Completion completion;
    final LoopExecution loops;
    final Attempts attempts;
    /** Log uploads in flight; awaited before the run's final state is stored. */
    final LogUploads logs;

    private final Dispatch dispatch;

    boolean cancelling;
    boolean done;
    /** Another runner took the run over: nothing more happens here. */
    volatile boolean abandoned;

    RunExecution(
            EngineContext ctx, PipelineIr ir, Plan plan, RunRecord record, Mode mode, List<TaskRecord> storedTasks) {
        this.ctx = ctx;
        this.ir = ir;
        this.plan = plan;
        this.mode = mode;
        storedTasks.forEach(t -> stored.put(t.taskPath(), t));
        this.run = new RunContext(
                record.id(), record.displayName(), record.pipelineName(), record.pipelineRoot(), record.createdAt());
        this.actor = new SerialExecutor(ctx.actors());
        this.caching = ctx.settings().cachingEnabled() && record.cachingEnabled();
        this.writer = new RunWriter(this, record);
        this.expansion = new Expansion(this);
        this.completion = new Completion(this);
        this.loops = new LoopExecution(this);
        this.attempts = new Attempts(this);
        this.dispatch = new Dispatch(this);
        this.logs = new LogUploads(ctx.objects(), ctx.workers());
    }

    String runId() {
        return run.runId();
    }

    RunRecord record() {
        return writer.record();
    }

    Optional<Node> node(String path) {
        return Optional.ofNullable(nodes.get(path));
    }

    /**
     * Runs an event on the run's serial executor, then dispatches what became ready; nothing once
     * the run was abandoned to another runner.
     */
    void event(Runnable r) {
        actor.execute(() -> {
            if (abandoned) {
                return;
            }
            try {
                r.run();
                drain();
            } catch (RunLost lost) {
                // abandon() said why; the new holder carries on.
            }
        });
    }

    /** Starts (or resumes) the run on its executor. */
    void start() {
        event(() -> {
            RunRecord record = writer.record();
            if (record.state() != RunState.RUNNING) {
                writer.updateRun(RunState.RUNNING, Optional.empty(), Optional.empty());
            }
            Node root = new Node("root", null, null, ir.root(), Node.Kind.ROOT, null, "dag");
            root.inputs = record.parameters();
            root.inputArtifacts = rootArtifacts(record);
            if (mode == Mode.RESUME) {
                logs.redoAfterResume(
                        run,
                        List.copyOf(stored.values()),
                        ctx.launcher(),
                        !ctx.settings().keepWorkDirs());
            }
            expansion.instantiate(root);
        });
    }

    private Map<String, List<ArtifactRef>> rootArtifacts(RunRecord record) {
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
        event(this::terminateNow);
    }

    private void terminateNow() {
        if (done || cancelling) {
            return;
        }
        cancelling = true;
        writer.updateRun(RunState.CANCELING, Optional.empty(), Optional.empty());
        attempts.cancelAll();
    }

    /**
     * Renews this runner's claim; a run taken over by another runner is abandoned, and a terminate
     * asked through the store (by a runner that does not execute the run) is carried out.
     */
    void renewClaim() {
        event(() -> {
            if (done) {
                return;
            }
            requireClaim();
            RunRecord stored = ctx.store().run(runId()).orElse(null);
            if (stored != null && stored.state() == RunState.CANCELING && !cancelling) {
                writer.refresh(stored);
                terminateNow();
            }
        });
    }

    /**
     * Renews this runner's claim; when another runner holds the run now, stops here (throws {@link
     * RunLost}). Called at every renewal and after a conditional write lost a race (the caller then
     * re-reads and re-applies its change).
     */
    void requireClaim() {
        String holder = ctx.claims().claim(runId()).map(RunClaim::owner).orElse("nobody");
        if (!holder.equals(ctx.claims().runnerId())) {
            abandon(holder);
        }
    }

    /** Whether this runner may still act for the run (checked before work another holder would redo). */
    boolean stillHeld() {
        return !abandoned && ctx.claims().hold(runId());
    }

    private void abandon(String holder) {
        abandoned = true;
        done = true;
        ctx.finished(this);
        LOG.warnf("run %s: runner %s took it over; stopping here", runId(), holder);
        throw new RunLost("run " + runId() + " is held by " + holder);
    }

    /** Processes ready nodes until none is left. Called at the end of every event. */
    void drain() {
        Node n;
        while ((n = ready.poll()) != null) {
            try {
                dispatch.onReady(n);
            } catch (RunLost e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.errorf(e, "run %s: task %s", runId(), n.path);
                if (!n.isFinal()) {
                    finish(n, TaskState.FAILED, Optional.empty(), Optional.of("internal error: " + e.getMessage()));
                }
            }
        }
    }

    /** Stores a node's change; see {@link RunWriter#save}. */
    void save(Node node, Consumer<TaskUpdate> change) {
        writer.save(node, change);
    }

    /** Stores a node's final state and wakes what waits for it; see {@link Completion#finish}. */
    void finish(Node node, TaskState state, Optional<String> detail, Optional<String> error) {
        completion.finish(node, state, detail, error);
    }

    boolean isDone() {
        return done;
    }
}
