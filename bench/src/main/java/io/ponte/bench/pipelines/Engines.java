package io.ponte.bench.pipelines;

import io.ponte.pipelines.adapter.local.LocalExecutor;
import io.ponte.pipelines.adapter.local.LocalExecutorConfig;
import io.ponte.pipelines.core.Runs;
import io.ponte.pipelines.core.engine.Engine;
import io.ponte.pipelines.core.engine.EngineSettings;
import io.ponte.pipelines.core.plan.Routing;
import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskRecord;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds engines the way the service wires them ({@code EngineProducer}), with the service's defaults: at most 64
 * attempts of a run at once, 8 worker threads, caching on (the benchmark's tasks do not ask for it).
 */
final class Engines {

    static final String PIPELINE_ROOT = "s3://ponte-bench/runs";

    private Engines() {}

    /**
     * The service's defaults; the runner id is the host name (as without {@code ponte.pipelines.runner-id}), so a
     * restarted runner takes its runs back at once instead of waiting for the 30 s run lease to end.
     */
    static EngineSettings settings(Path workDir, String defaultExecutor) {
        return new EngineSettings(
                workDir,
                PIPELINE_ROOT,
                true,
                new Routing(defaultExecutor, Map.of()),
                false,
                64,
                8,
                EngineSettings.hostName(),
                Duration.ofSeconds(30),
                java.time.Clock.systemUTC());
    }

    static Engine engine(Path workDir, RunStore store, ObjectStore objects, RunEvents events, TaskExecutor executor) {
        return new Engine(
                settings(workDir, executor.name()), store, objects, events, Map.of(executor.name(), executor));
    }

    /** The local executor with every {@code ponte.pipelines.executors.local.*} key at its default. */
    static LocalExecutor local() {
        String prefix = "ponte.pipelines.executors.local";
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(LocalExecutorConfig.class, prefix)
                .build();
        return new LocalExecutor(config.getConfigMapping(LocalExecutorConfig.class, prefix));
    }

    static Runs.CreateRun request(String ir, Map<String, Object> parameters) {
        return new Runs.CreateRun(Optional.empty(), ir, parameters, Optional.empty(), true, Optional.empty());
    }

    /** Run events that complete a future per run when it reaches a final state; nothing else is done with them. */
    static final class Completions implements RunEvents {
        private final Map<String, CompletableFuture<RunRecord>> ends = new ConcurrentHashMap<>();
        private volatile java.util.function.Consumer<TaskRecord> tasks = t -> {};

        /** Also hands every task change to {@code listener} (replacing the previous one). */
        void onTask(java.util.function.Consumer<TaskRecord> listener) {
            this.tasks = listener;
        }

        @Override
        public void runChanged(RunRecord run) {
            if (run.state().isFinal()) {
                future(run.id()).complete(run);
            }
        }

        @Override
        public void taskChanged(TaskRecord task) {
            tasks.accept(task);
        }

        private CompletableFuture<RunRecord> future(String runId) {
            return ends.computeIfAbsent(runId, k -> new CompletableFuture<>());
        }

        /** Waits for the run's final state (stored before the event) and returns it. */
        RunRecord await(String runId, Duration limit) throws InterruptedException {
            try {
                return future(runId).get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("run " + runId + " did not end within " + limit);
            }
        }
    }
}
