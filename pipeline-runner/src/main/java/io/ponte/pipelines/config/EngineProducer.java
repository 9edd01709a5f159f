package io.ponte.pipelines.config;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ponte.pipelines.adapter.kubernetes.KubernetesExecutor;
import io.ponte.pipelines.adapter.local.LocalExecutor;
import io.ponte.pipelines.adapter.memory.FileSystemObjectStore;
import io.ponte.pipelines.adapter.memory.InMemoryRunStore;
import io.ponte.pipelines.adapter.offload.OffloadExecutor;
import io.ponte.pipelines.adapter.postgres.DatabaseConfig;
import io.ponte.pipelines.adapter.s3.S3Config;
import io.ponte.pipelines.core.engine.Engine;
import io.ponte.pipelines.core.engine.EngineSettings;
import io.ponte.pipelines.core.plan.Planner;
import io.ponte.pipelines.core.plan.Routing;
import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskLaunch;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Wires the engine: the executors from {@link PipelinesConfig} (closed with the engine), the
 * stores' config groups as beans for their adapters, the run store, object store and events from
 * their adapters' producers (an in-memory store, a filesystem object store and no
 * events when none is deployed), a {@link Planner} for the plan endpoint, and resume at start-up.
 */
@Singleton
class EngineProducer {

    private static final Logger LOG = Logger.getLogger(EngineProducer.class);

    /** The engine's executors, closed after it when it is disposed. */
    private ExecutorSet executors;

    @Produces
    @Singleton
    Routing routing(PipelinesConfig config) {
        Map<String, TaskLaunch.Placement> placements = new LinkedHashMap<>();
        config.placements()
                .forEach((name, p) -> placements.put(
                        name, new TaskLaunch.Placement(p.executor(), p.queue(), p.priorityClass(), p.site())));
        return new Routing(config.defaultExecutor(), Map.copyOf(placements));
    }

    /** The PostgreSQL adapter's group of the mapping. */
    @Produces
    @Singleton
    DatabaseConfig database(PipelinesConfig config) {
        return config.database();
    }

    /** The S3 adapter's group of the mapping. */
    @Produces
    @Singleton
    S3Config s3(PipelinesConfig config) {
        return config.s3();
    }

    @Produces
    @Singleton
    Planner planner(Routing routing) {
        return new Planner(routing);
    }

    @Produces
    @Singleton
    Engine engine(
            PipelinesConfig config,
            Routing routing,
            Instance<RunStore> stores,
            Instance<ObjectStore> objects,
            Instance<RunEvents> events,
            Instance<KubernetesClient> kubernetes) {
        Path workDir = config.workDir().orElse(Path.of(System.getProperty("java.io.tmpdir"), "ponte-pipelines"));
        List<String> problems = PlacementCheck.problems(routing, sites(config));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("inconsistent placements: " + String.join("; ", problems));
        }
        // The object store (the embedded S3 starts in ~1 s) comes up while the run store checks its schema.
        CompletableFuture<ObjectStore> objectStore = CompletableFuture.supplyAsync(
                () -> objects.isResolvable() ? objects.get() : new FileSystemObjectStore(workDir.resolve("objects")));
        RunStore store;
        if (stores.isResolvable()) {
            store = stores.get();
        } else {
            LOG.warn("no run store adapter is deployed: runs are kept in memory and lost at restart");
            store = new InMemoryRunStore();
        }
        RunEvents runEvents = events.isResolvable() ? events.get() : RunEvents.NONE;
        EngineSettings settings = new EngineSettings(
                workDir,
                config.pipelineRoot(),
                config.caching().enabled(),
                routing,
                config.keepWorkDirs(),
                config.maxRunningTasksPerRun(),
                config.workerThreads(),
                config.runnerId().orElseGet(EngineSettings::hostName),
                config.runLease(),
                Clock.systemUTC());
        Map<String, TaskExecutor> built = new LinkedHashMap<>();
        built.put("local", new LocalExecutor(config.executors().local()));
        config.executors()
                .kubernetes()
                .ifPresent(k -> built.put("kubernetes", new KubernetesExecutor(kubernetes.get(), k)));
        config.executors().offload().ifPresent(o -> built.put("offload", new OffloadExecutor(o)));
        executors = new ExecutorSet(built);
        return new Engine(settings, store, objectStore.join(), runEvents, executors.byName());
    }

    /** The configured executors with the sites each defines. */
    private static Map<String, Set<String>> sites(PipelinesConfig config) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        out.put("local", Set.of());
        config.executors()
                .kubernetes()
                .ifPresent(k -> out.put("kubernetes", k.placements().keySet()));
        config.executors().offload().ifPresent(o -> out.put("offload", o.sites().keySet()));
        return out;
    }

    /** Stops the engine's scheduling, then its executors' threads. */
    void close(@Disposes Engine engine) {
        engine.close();
        if (executors != null) {
            executors.close();
        }
    }

    void resume(@Observes StartupEvent start, PipelinesConfig config, Engine engine) {
        if (config.resumeOnStart()) {
            int n = engine.resumeAll();
            if (n > 0) {
                LOG.infof("resumed %d unfinished runs", n);
            }
        }
    }
}
