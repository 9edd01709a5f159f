package io.ponte.pipelines.testing;

import io.ponte.pipelines.adapter.local.LocalExecutor;
import io.ponte.pipelines.adapter.local.LocalExecutorConfig;
import io.ponte.pipelines.core.Runs;
import io.ponte.pipelines.core.engine.Engine;
import io.ponte.pipelines.core.engine.EngineSettings;
import io.ponte.pipelines.core.plan.Planner;
import io.ponte.pipelines.core.plan.Routing;
import io.ponte.pipelines.spi.ObjectStore;
import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunStore;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The engine the API tests run against: P1's {@link Engine} over this service's real adapters (the
 * PostgreSQL run store, the S3 object store, the messaging events) and the local subprocess
 * executor. Until the service wires the engine itself this is the only wiring; as a prioritized
 * alternative it keeps winning once the production producer exists.
 */
@Singleton
public class EngineForTests {

    private static final String LOCAL = "ponte.pipelines.executors.local";

    private Engine engine;
    private LocalExecutor local;

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Runs runs(RunStore store, ObjectStore objects, RunEvents events) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("ponte-api-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        local = new LocalExecutor(localConfig());
        engine = new Engine(EngineSettings.defaults(workDir), store, objects, events, Map.of("local", local));
        engine.resumeAll();
        return engine;
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Planner planner() {
        return new Planner(Routing.local());
    }

    @PreDestroy
    void close() {
        if (engine != null) {
            engine.close();
        }
        if (local != null) {
            local.close();
        }
    }

    private static LocalExecutorConfig localConfig() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(LocalExecutorConfig.class, LOCAL)
                .withSources(new PropertiesConfigSource(
                        Map.of(LOCAL + ".kill-grace", "2s", LOCAL + ".poll-interval", "50ms"), "api-test", 100))
                .build();
        return config.getConfigMapping(LocalExecutorConfig.class, LOCAL);
    }
}
