package io.ponte.registry.adapter.postgres;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.ponte.registry.config.RegistryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The connection pool: to the configured PostgreSQL, or to an embedded one this service starts itself (the
 * first-run default: nothing to install). Created at start-up, so the schema is brought up to date by Flyway
 * before the first request, and a database that cannot be reached fails the start with a clear message.
 */
@Singleton
@io.quarkus.runtime.Startup
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class);

    private final AgroalDataSource dataSource;
    private final EmbeddedPostgres embedded;

    Database(RegistryConfig config) {
        var db = config.database();
        String url;
        if (db.url().isPresent()) {
            url = db.url().get();
            embedded = null;
        } else {
            embedded = startEmbedded(db);
            url = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
        }
        dataSource = pool(url, db.user(), db.password().orElse(""), db.poolSize());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.infof("model registry storage ready at %s", url);
    }

    public AgroalDataSource dataSource() {
        return dataSource;
    }

    void stop(@Observes ShutdownEvent event) {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private static EmbeddedPostgres startEmbedded(RegistryConfig.DatabaseConfig db) {
        try {
            Files.createDirectories(db.embeddedDataDir());
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(db.embeddedDataDir().toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (db.embeddedPort() > 0) {
                builder.setPort(db.embeddedPort());
            }
            LOG.infof(
                    "starting an embedded PostgreSQL in %s",
                    db.embeddedDataDir().toAbsolutePath());
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start the embedded PostgreSQL in " + db.embeddedDataDir()
                            + "; set ponte.registry.database.url to use a server instead",
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
