package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.TaskExecutor;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/** What every run execution shares: ports, settings, thread pools. */
interface EngineContext {
    RunStore store();

    RunEvents events();

    ObjectStore objects();

    EngineSettings settings();

    Map<String, TaskExecutor> executors();

    Launcher launcher();

    /** Runs the runs' serial executors. */
    ExecutorService actors();

    /** Stages, starts and collects attempts (blocking I/O). */
    ExecutorService workers();

    /** Timers: retry backoff, progress polling. */
    ScheduledExecutorService timers();

    /** A run reached a final state. */
    void finished(RunExecution run);
}
