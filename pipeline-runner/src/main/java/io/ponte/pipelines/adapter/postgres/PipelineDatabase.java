package io.ponte.pipelines.adapter.postgres;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.ponte.pipelines.spi.RunStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The connection pool: to the configured PostgreSQL, or to an embedded one started here (the
 * first-run default). Built at start-up, so the schema is migrated before the first request and an
 * unreachable database fails the start with a message saying which key to set.
 */
@Singleton
@io.quarkus.runtime.Startup
public class PipelineDatabase {

    private static final Logger LOG = Logger.getLogger(PipelineDatabase.class);

    private final AgroalDataSource dataSource;
    private final EmbeddedPostgres embedded;

    PipelineDatabase(DatabaseConfig config) {
        String url;
        if (config.url().isPresent()) {
            url = config.url().get();
            embedded = null;
        } else {
            embedded = startEmbedded(config);
            url = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
        }
        dataSource = pool(url, config.user(), config.password().orElse(""), config.poolSize());
        try {
            Migrations.apply(dataSource);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException(
                    "cannot prepare the run store at " + url + "; check ponte.pipelines.database.url", e);
        }
        LOG.infof("run store ready at %s", url);
    }

    @Produces
    @Singleton
    RunStore runStore() {
        return new PostgresRunStore(dataSource);
    }

    public AgroalDataSource dataSource() {
        return dataSource;
    }

    @PreDestroy
    void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private static EmbeddedPostgres startEmbedded(DatabaseConfig config) {
        try {
            Files.createDirectories(config.embeddedDataDir());
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(config.embeddedDataDir().toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (config.embeddedPort() > 0) {
                builder.setPort(config.embeddedPort());
            }
            LOG.infof(
                    "starting an embedded PostgreSQL in %s",
                    config.embeddedDataDir().toAbsolutePath());
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start the embedded PostgreSQL in " + config.embeddedDataDir()
                            + "; set ponte.pipelines.database.url to use a server instead",
                    e);
        }
    }

    private static AgroalDataSource pool(String url, String user, String password, int size) {
        var config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(size)
                        .minSize(1)
                        .initialSize(1)
                        .acquisitionTimeout(Duration.ofSeconds(10))
                        .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url)
                                .principal(new NamePrincipal(user))
                                .credential(new SimplePassword(password))));
        try {
            return AgroalDataSource.from(config);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a connection pool to " + url, e);
        }
    }
}
