package io.ponte.pipelines.testing;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Where tests get PostgreSQL: the server in {@code PONTE_TEST_PG_URL} when set, else the real one on
 * 127.0.0.1:5432 when it answers, else one embedded PostgreSQL per test JVM. Each {@link
 * #freshDatabase()} is a new database named {@code ponte_pipelines_test_<hex>}, dropped when the JVM
 * exits.
 */
public final class TestPostgres {

    /** A database to connect to. */
    public record Database(String jdbcUrl, String user, String password) {

        /** A small pool on it; close it when done. */
        public AgroalDataSource pool() {
            var config = new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(p -> p.maxSize(8)
                            .minSize(0)
                            .initialSize(0)
                            .acquisitionTimeout(Duration.ofSeconds(10))
                            .connectionFactoryConfiguration(cf -> cf.jdbcUrl(jdbcUrl)
                                    .principal(new NamePrincipal(user))
                                    .credential(new SimplePassword(password))));
            try {
                return AgroalDataSource.from(config);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open a pool to " + jdbcUrl, e);
            }
        }
    }

    private record Server(String host, int port, String user, String password) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private static Server server;
    private static final List<String> CREATED = new ArrayList<>();

    private TestPostgres() {}

    public static synchronized Database freshDatabase() {
        if (server == null) {
            server = resolve();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreated));
        }
        // Only hex digits after a fixed prefix: nothing from outside reaches the statement.
        String name = "ponte_pipelines_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect(server.url("postgres"), server.user(), server.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server.url("postgres"), e);
        }
        CREATED.add(name);
        return new Database(server.url(name), server.user(), server.password());
    }

    /**
     * A connection through the driver itself: {@link java.sql.DriverManager} only sees drivers of
     * the caller's class loader, which differs once a Quarkus test has run in the JVM.
     */
    public static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return new org.postgresql.Driver().connect(jdbcUrl, props);
    }

    private static synchronized void dropCreated() {
        try (Connection c = connect(server.url("postgres"), server.user(), server.password());
                Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // the server may be gone already (the embedded one stops in its own hook)
        }
    }

    private static Server resolve() {
        String configured = System.getenv("PONTE_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            URI uri = URI.create(configured.substring("jdbc:".length()));
            return new Server(
                    uri.getHost(),
                    uri.getPort(),
                    System.getenv().getOrDefault("PONTE_TEST_PG_USER", "postgres"),
                    System.getenv().getOrDefault("PONTE_TEST_PG_PASSWORD", ""));
        }
        if (answers("127.0.0.1", 5432)) {
            return new Server("127.0.0.1", 5432, "postgres", "");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            return new Server("127.0.0.1", embedded.getPort(), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL on 127.0.0.1:5432 and the embedded one failed", e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
