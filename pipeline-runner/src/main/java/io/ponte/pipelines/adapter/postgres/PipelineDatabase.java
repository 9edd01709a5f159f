package io.ponte.pipelines.adapter.postgres;

import io.agroal.api.AgroalDataSource;
import io.ponte.pipelines.spi.RunStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The run store's database, opened at start-up: the schema is migrated before the first request,
 * and an unreachable database fails the start with a message naming the key to set. Without {@code
 * ponte.pipelines.database.url} an embedded PostgreSQL is started (the first-run default).
 */
@Singleton
@io.quarkus.runtime.Startup
public class PipelineDatabase {

    private final DatabaseServer server;

    PipelineDatabase(DatabaseConfig config) {
        this.server = new DatabaseServer(DatabaseServer.Settings.of(config));
    }

    @Produces
    @Singleton
    RunStore runStore() {
        return new PostgresRunStore(server.dataSource());
    }

    public AgroalDataSource dataSource() {
        return server.dataSource();
    }

    @PreDestroy
    void close() {
        server.close();
    }
}
