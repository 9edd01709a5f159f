package io.ponte.pipelines.adapter.postgres;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.util.Optional;

/** Every {@code ponte.pipelines.database.*} setting: where runs, tasks and cache entries are kept. */
@ConfigMapping(prefix = "ponte.pipelines.database")
public interface DatabaseConfig {

    /**
     * JDBC URL of a PostgreSQL server, e.g. {@code jdbc:postgresql://db:5432/pipelines}. When absent
     * the runner starts an embedded PostgreSQL of its own over {@link #embeddedDataDir()}.
     */
    Optional<String> url();

    /** The database user. */
    @WithDefault("postgres")
    String user();

    /** The database password; never logged. */
    Optional<String> password();

    /** Connections in the pool. */
    @WithDefault("8")
    @Min(1)
    @Max(200)
    int poolSize();

    /**
     * Where the embedded PostgreSQL keeps its files (only without {@link #url()}), relative to the
     * working directory.
     */
    @WithDefault("pipelines-postgres")
    Path embeddedDataDir();

    /** The embedded PostgreSQL's port on 127.0.0.1; 0 picks a free one. */
    @WithDefault("0")
    @Min(0)
    @Max(65535)
    int embeddedPort();
}
