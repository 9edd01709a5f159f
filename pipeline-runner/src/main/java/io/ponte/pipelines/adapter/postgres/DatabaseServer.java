package io.ponte.pipelines.adapter.postgres;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A migrated database and its pool: the configured PostgreSQL, or an embedded one started here
 * whose files stay in the data directory across restarts.
 */
final class DatabaseServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DatabaseServer.class);

    /** What {@link DatabaseConfig} says, as plain values. */
    record Settings(
            Optional<String> url,
            String user,
            Optional<String> password,
            int poolSize,
            Path embeddedDataDir,
            int embeddedPort) {

        static Settings of(DatabaseConfig c) {
            return new Settings(c.url(), c.user(), c.password(), c.poolSize(), c.embeddedDataDir(), c.embeddedPort());
        }
    }

    private final AgroalDataSource dataSource;
    private final EmbeddedPostgres embedded;

    DatabaseServer(Settings settings) {
        String url;
        if (settings.url().isPresent()) {
            url = settings.url().get();
            embedded = null;
        } else {
            embedded = startEmbedded(settings);
            url = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres";
        }
        dataSource = pool(url, settings.user(), settings.password().orElse(""), settings.poolSize());
        try {
            Migrations.apply(dataSource);
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException(
                    "cannot prepare the run store at " + url + "; check ponte.pipelines.database.url", e);
        }
        LOG.infof("run store ready at %s", url);
    }

    AgroalDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private static EmbeddedPostgres startEmbedded(Settings settings) {
        Path dir = settings.embeddedDataDir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (settings.embeddedPort() > 0) {
                builder.setPort(settings.embeddedPort());
            }
            LOG.infof("starting an embedded PostgreSQL in %s", dir);
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot start the embedded PostgreSQL in " + dir
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
