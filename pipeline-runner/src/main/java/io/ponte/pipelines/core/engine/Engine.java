package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.core.PipelineException.Kind;
import io.ponte.pipelines.core.Runs;
import io.ponte.pipelines.core.ir.IrParser;
import io.ponte.pipelines.core.ir.PipelineIr;
import io.ponte.pipelines.core.plan.Plan;
import io.ponte.pipelines.core.plan.PlannedTask;
import io.ponte.pipelines.core.plan.Planner;
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
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The DAG engine behind {@link Runs}: validates and stores runs, executes them through the {@link
 * TaskExecutor}s, records every change in the {@link RunStore}, and resumes unfinished runs with
 * {@link #resumeAll()} at start-up.
 */
public final class Engine implements Runs, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Engine.class);

    private final Context ctx;
    private final Map<String, RunExecution> active = new ConcurrentHashMap<>();

    public Engine(
            EngineSettings settings,
            RunStore store,
            ObjectStore objects,
            RunEvents events,
            Map<String, TaskExecutor> executors) {
        this.ctx = new Context(settings, store, objects, events, Map.copyOf(executors));
        ctx.timers.scheduleWithFixedDelay(this::pollProgress, 2, 2, TimeUnit.SECONDS);
    }

    // ---- Runs ----------------------------------------------------------------------------------

    @Override
    public RunRecord create(CreateRun request) {
        PipelineIr ir = new IrParser().parse(request.pipelineSpec());
        Map<String, Object> parameters = RunParameters.check(ir, request.parameters());
        Plan plan = plan(ir, request.executor());
        String pipelineRoot = request.pipelineRoot()
                .or(() -> ir.defaultPipelineRoot().filter(r -> r.startsWith("s3://")))
                .orElse(ctx.settings.defaultPipelineRoot());
        if (!pipelineRoot.startsWith("s3://")) {
            throw new PipelineException(
                    Kind.INVALID, "pipelineRoot", "the pipeline root must be an s3:// URI: " + pipelineRoot);
        }
        RunRecord run = new RunRecord(
                UUID.randomUUID().toString(),
                request.displayName().filter(s -> !s.isBlank()).orElse(ir.displayName()),
                ir.name(),
                Specs.stored(ir),
                parameters,
                pipelineRoot,
                request.cachingEnabled(),
                RunState.PENDING,
                Optional.empty(),
                Instant.now(),
                Optional.empty(),
                0);
        List<TaskRecord> initial = new ArrayList<>();
        for (PlannedTask t : plan.topLevel()) {
            initial.add(TaskUpdate.fresh(
                    run.id(),
                    t.path(),
                    t.task().name(),
                    t.kind() == PlannedTask.Kind.CONTAINER ? Optional.of(t.executorName()) : Optional.empty()));
        }
        try {
            ctx.store.createRun(run, initial);
        } catch (RuntimeException e) {
            throw new PipelineException(Kind.UNAVAILABLE, null, "cannot store the run: " + e.getMessage(), e);
        }
        ctx.events.runChanged(run);
        RunExecution exec = new RunExecution(ctx, ir, plan, run, RunExecution.Mode.FRESH, ctx.store.tasks(run.id()));
        active.put(run.id(), exec);
        exec.start();
        return run;
    }

    /** Plans a pipeline for a run: checks that every container task has an executor here. */
    private Plan plan(PipelineIr ir, Optional<String> executorOverride) {
        Planner planner = new Planner(
                executorOverride.map(e -> ctx.settings.routing().withDefault(e)).orElse(ctx.settings.routing()));
        Plan plan = planner.plan(ir);
        for (PlannedTask t : plan.tasks().values()) {
            if (t.kind() == PlannedTask.Kind.CONTAINER && !ctx.executors.containsKey(t.executorName())) {
                throw new PipelineException(
                        Kind.INVALID,
                        t.task().path(),
                        t.task().path() + ": executor " + t.executorName() + " is not available (available: "
                                + ctx.executors.keySet() + ")");
            }
        }
        return plan;
    }

    @Override
    public Optional<RunRecord> get(String runId) {
        return ctx.store.run(runId);
    }

    @Override
    public Page<RunRecord> list(RunQuery query) {
        return ctx.store.listRuns(query);
    }

    @Override
    public List<TaskRecord> tasks(String runId) {
        requireRun(runId);
        return ctx.store.tasks(runId);
    }

    @Override
    public List<AttemptRecord> attempts(String runId, String taskPath) {
        requireRun(runId);
        ctx.store
                .task(runId, taskPath)
                .orElseThrow(
                        () -> new PipelineException(Kind.NOT_FOUND, null, "run " + runId + " has no task " + taskPath));
        return ctx.store.attempts(runId, taskPath);
    }

    private RunRecord requireRun(String runId) {
        return ctx.store.run(runId).orElseThrow(() -> new PipelineException(Kind.NOT_FOUND, null, "no run " + runId));
    }

    @Override
    public RunRecord terminate(String runId) {
        RunRecord run = requireRun(runId);
        if (run.state().isFinal()) {
            throw new PipelineException(Kind.CONFLICT, null, "run " + runId + " already ended " + run.state());
        }
        RunExecution exec = active.get(runId);
        if (exec == null) {
            throw new PipelineException(Kind.UNAVAILABLE, null, "run " + runId + " is not executing on this runner");
        }
        exec.terminate();
        return ctx.store.run(runId).orElse(run);
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
        PipelineIr ir = new IrParser().parse(run.pipelineSpec());
        Plan plan = plan(ir, Optional.empty());
        RunRecord reopened = ctx.store.updateRun(new RunRecord(
                run.id(),
                run.displayName(),
                run.pipelineName(),
                run.pipelineSpec(),
                run.parameters(),
                run.pipelineRoot(),
                run.cachingEnabled(),
                RunState.RUNNING,
                Optional.empty(),
                run.createdAt(),
                Optional.empty(),
                run.revision()));
        ctx.events.runChanged(reopened);
        RunExecution exec = new RunExecution(ctx, ir, plan, reopened, RunExecution.Mode.RETRY, ctx.store.tasks(runId));
        active.put(runId, exec);
        exec.start();
        return reopened;
    }

    @Override
    public RunRecord rerunFrom(String runId, String taskPath, Map<String, Object> parameterChanges) {
        RunRecord old = requireRun(runId);
        PipelineIr ir = new IrParser().parse(old.pipelineSpec());
        Plan plan = plan(ir, Optional.empty());
        String from = RunExecution.staticPath(taskPath);
        if (!plan.tasks().containsKey(from)) {
            throw new PipelineException(Kind.NOT_FOUND, null, "the pipeline has no task " + taskPath);
        }
        Map<String, Object> params = new LinkedHashMap<>(old.parameters());
        params.putAll(parameterChanges);
        params = RunParameters.check(ir, params);
        java.util.Set<String> rerun = Downstream.of(plan, from);
        RunRecord run = new RunRecord(
                UUID.randomUUID().toString(),
                old.displayName() + " (rerun from " + taskPath + ")",
                old.pipelineName(),
                old.pipelineSpec(),
                params,
                old.pipelineRoot(),
                old.cachingEnabled(),
                RunState.PENDING,
                Optional.empty(),
                Instant.now(),
                Optional.empty(),
                0);
        List<TaskRecord> kept = new ArrayList<>();
        for (TaskRecord t : ctx.store.tasks(runId)) {
            if (t.state().isFinal()
                    && t.state() != io.ponte.pipelines.spi.TaskState.FAILED
                    && t.state() != io.ponte.pipelines.spi.TaskState.CANCELED
                    && !rerun.contains(RunExecution.staticPath(t.taskPath()))) {
                kept.add(new TaskRecord(
                        run.id(),
                        t.taskPath(),
                        t.taskName(),
                        t.state(),
                        t.attempts(),
                        t.inputParameters(),
                        t.outputParameters(),
                        t.outputArtifacts(),
                        t.cacheKey(),
                        Optional.of("kept from run " + runId
                                + (t.statusDetail().map(d -> ": " + d).orElse(""))),
                        t.executor(),
                        t.executorRef(),
                        t.startedAt(),
                        t.finishedAt(),
                        t.error(),
                        0));
            }
        }
        ctx.store.createRun(run, kept);
        ctx.events.runChanged(run);
        RunExecution exec = new RunExecution(ctx, ir, plan, run, RunExecution.Mode.RESUME, ctx.store.tasks(run.id()));
        active.put(run.id(), exec);
        exec.start();
        return run;
    }

    @Override
    public InputStream logs(String runId, String taskPath, Optional<Integer> attempt, boolean follow) {
        requireRun(runId);
        List<AttemptRecord> all = attempts(runId, taskPath);
        AttemptRecord a = attempt.map(n -> all.stream()
                        .filter(x -> x.attempt() == n)
                        .findFirst()
                        .orElseThrow(() -> new PipelineException(
                                Kind.NOT_FOUND, null, "task " + taskPath + " has no attempt " + n)))
                .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)))
                .orElseThrow(
                        () -> new PipelineException(Kind.NOT_FOUND, null, "task " + taskPath + " has not started"));
        try {
            if (a.state().isFinal() && a.logUri().isPresent()) {
                return ctx.objects.open(a.logUri().get()).orElseGet(InputStream::nullInputStream);
            }
            java.nio.file.Path file =
                    ctx.launcher.attemptDir(runId, taskPath, a.attempt()).resolve("attempt.log");
            return new FollowingInputStream(
                    file,
                    follow,
                    () -> ctx.store.attempts(runId, taskPath).stream()
                            .filter(x -> x.attempt() == a.attempt())
                            .anyMatch(x -> x.state().isFinal()));
        } catch (IOException e) {
            throw new PipelineException(Kind.UNAVAILABLE, null, "cannot read the log: " + e.getMessage(), e);
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------------

    /** Resumes every run the store says is unfinished; returns how many. Call once at start-up. */
    public int resumeAll() {
        int n = 0;
        for (String id : ctx.store.unfinishedRuns()) {
            if (active.containsKey(id)) {
                continue;
            }
            Optional<RunRecord> run = ctx.store.run(id);
            if (run.isEmpty()) {
                continue;
            }
            try {
                PipelineIr ir = new IrParser().parse(run.get().pipelineSpec());
                Plan plan = plan(ir, Optional.empty());
                RunExecution exec =
                        new RunExecution(ctx, ir, plan, run.get(), RunExecution.Mode.RESUME, ctx.store.tasks(id));
                active.put(id, exec);
                if (run.get().state() == RunState.CANCELING) {
                    exec.start();
                    exec.terminate();
                } else {
                    exec.start();
                }
                n++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "cannot resume run %s", id);
            }
        }
        return n;
    }

    /** Whether the run is executing here. */
    public boolean isActive(String runId) {
        return active.containsKey(runId);
    }

    private void pollProgress() {
        for (RunExecution r : active.values()) {
            r.actor.execute(r.attempts::pollProgress);
        }
    }

    /** Stops scheduling (attempts already started keep running and are re-attached at the next start). */
    @Override
    public void close() {
        ctx.timers.shutdownNow();
        ctx.workers.shutdownNow();
        ctx.actors.shutdownNow();
    }

    private final class Context implements EngineContext {
        private final EngineSettings settings;
        private final RunStore store;
        private final ObjectStore objects;
        private final RunEvents events;
        private final Map<String, TaskExecutor> executors;
        private final Launcher launcher;
        private final ExecutorService actors = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), Threads.named("ponte-run"));
        private final ExecutorService workers;
        private final ScheduledExecutorService timers =
                Executors.newSingleThreadScheduledExecutor(Threads.named("ponte-timer"));

        Context(
                EngineSettings settings,
                RunStore store,
                ObjectStore objects,
                RunEvents events,
                Map<String, TaskExecutor> executors) {
            this.settings = settings;
            this.store = store;
            this.objects = objects;
            this.events = events;
            this.executors = executors;
            this.launcher = new Launcher(settings, objects);
            this.workers = Executors.newFixedThreadPool(settings.workerThreads(), Threads.named("ponte-attempt"));
        }

        @Override
        public RunStore store() {
            return store;
        }

        @Override
        public RunEvents events() {
            return events;
        }

        @Override
        public ObjectStore objects() {
            return objects;
        }

        @Override
        public EngineSettings settings() {
            return settings;
        }

        @Override
        public Map<String, TaskExecutor> executors() {
            return executors;
        }

        @Override
        public Launcher launcher() {
            return launcher;
        }

        @Override
        public ExecutorService actors() {
            return actors;
        }

        @Override
        public ExecutorService workers() {
            return workers;
        }

        @Override
        public ScheduledExecutorService timers() {
            return timers;
        }

        @Override
        public void finished(RunExecution run) {
            active.remove(run.runId(), run);
        }
    }
}
