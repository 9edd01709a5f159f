package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.TaskExecutor;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/** What every run execution of one engine shares: ports, settings, thread pools. */
final class EngineContext {

    private final EngineSettings settings;
    private final RunStore store;
    private final ObjectStore objects;
    private final RunEvents events;
    private final Map<String, TaskExecutor> executors;
    private final Launcher launcher;
    private final OutputCollector collector;
    private final RunClaims claims;
    private final ExecutorService actors = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), Threads.named("ponte-run"));
    private final ExecutorService workers;
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Threads.named("ponte-timer"));
    private final Consumer<RunExecution> onFinished;

    EngineContext(
            EngineSettings settings,
            RunStore store,
            ObjectStore objects,
            RunEvents events,
            Map<String, TaskExecutor> executors,
            Consumer<RunExecution> onFinished) {
        this.settings = settings;
        this.store = store;
        this.objects = objects;
        this.events = events;
        this.executors = Map.copyOf(executors);
        this.launcher = new Launcher(settings, objects);
        this.collector = new OutputCollector(settings, objects);
        this.claims = new RunClaims(store, settings);
        this.workers = Executors.newFixedThreadPool(settings.workerThreads(), Threads.named("ponte-attempt"));
        this.onFinished = onFinished;
    }

    RunStore store() {
        return store;
    }

    RunEvents events() {
        return events;
    }

    ObjectStore objects() {
        return objects;
    }

    EngineSettings settings() {
        return settings;
    }

    Map<String, TaskExecutor> executors() {
        return executors;
    }

    Launcher launcher() {
        return launcher;
    }

    OutputCollector collector() {
        return collector;
    }

    RunClaims claims() {
        return claims;
    }

    /** Runs the runs' serial executors. */
    ExecutorService actors() {
        return actors;
    }

    /** Stages, starts and collects attempts (blocking I/O). */
    ExecutorService workers() {
        return workers;
    }

    /** Timers: retry backoff, progress polling. */
    ScheduledExecutorService timers() {
        return timers;
    }

    /** A run reached a final state. */
    void finished(RunExecution run) {
        onFinished.accept(run);
    }

    /** Stops the pools; attempts already started keep running. */
    void shutdown() {
        timers.shutdownNow();
        workers.shutdownNow();
        actors.shutdownNow();
    }
}
