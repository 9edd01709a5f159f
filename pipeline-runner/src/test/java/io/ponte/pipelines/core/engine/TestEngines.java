package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.adapter.local.LocalExecutor;
import io.ponte.pipelines.adapter.local.LocalExecutorConfig;
import io.ponte.pipelines.adapter.memory.FileSystemObjectStore;
import io.ponte.pipelines.adapter.memory.InMemoryRunStore;
import io.ponte.pipelines.core.Runs;
import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskRecord;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;

/** An engine on the in-memory run store, the filesystem object store and the real local executor. */
public final class TestEngines implements AutoCloseable {

    public final InMemoryRunStore store = new InMemoryRunStore();
    public final FileSystemObjectStore objects;
    final LocalExecutor local;
    final Path dir;
    public Engine engine;

    public TestEngines(Path dir) {
        this(dir, Map.of());
    }

    public TestEngines(Path dir, Map<String, String> localKeys) {
        this.dir = dir;
        this.objects = new FileSystemObjectStore(dir.resolve("s3"));
        this.local = new LocalExecutor(localConfig(localKeys));
        this.engine = start(EngineSettings.defaults(dir.resolve("work")));
    }

    public Engine start(EngineSettings settings) {
        return start(settings, Map.of("local", local));
    }

    public Engine start(EngineSettings settings, Map<String, TaskExecutor> executors) {
        engine = new Engine(settings, store, objects, RunEvents.NONE, executors);
        return engine;
    }

    public static LocalExecutorConfig localConfig(Map<String, String> keys) {
        String prefix = "ponte.pipelines.executors.local";
        Map<String, String> props = new HashMap<>();
        props.put(prefix + ".kill-grace", "2s");
        props.put(prefix + ".poll-interval", "50ms");
        keys.forEach((k, v) -> props.put(prefix + "." + k, v));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(LocalExecutorConfig.class, prefix)
                .withSources(new PropertiesConfigSource(props, "test", 100))
                .build();
        return config.getConfigMapping(LocalExecutorConfig.class, prefix);
    }

    public static Runs.CreateRun request(String ir, Map<String, Object> params) {
        return new Runs.CreateRun(Optional.empty(), ir, params, Optional.empty(), true, Optional.empty());
    }

    public static Runs.CreateRun uncached(String ir, Map<String, Object> params) {
        return new Runs.CreateRun(Optional.empty(), ir, params, Optional.empty(), false, Optional.empty());
    }

    public RunRecord awaitEnd(String runId) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> store.run(runId).map(r -> r.state().isFinal()).orElse(false));
        return store.run(runId).orElseThrow();
    }

    public RunRecord awaitState(String runId, RunState state) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> store.run(runId).map(r -> r.state() == state).orElse(false));
        return store.run(runId).orElseThrow();
    }

    public TaskRecord task(String runId, String path) {
        return store.task(runId, path)
                .orElseThrow(() -> new AssertionError("no task " + path + " in " + store.tasks(runId)));
    }

    @Override
    public void close() {
        engine.close();
        local.close();
    }
}
