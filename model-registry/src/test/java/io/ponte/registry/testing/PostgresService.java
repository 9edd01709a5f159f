package io.ponte.registry.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * The one place tests get a PostgreSQL from: {@code PONTE_TEST_PG_URL} (a server JDBC URL) if set, else the local
 * server on 127.0.0.1:5432 when it answers, else a Testcontainers PostgreSQL when a Docker engine exists, else an
 * embedded PostgreSQL from Maven. Every call to {@link #freshDatabase()} creates a throwaway database on it, so
 * runs never see each other's rows.
 */
public final class PostgresService {

    private static Server server;
    private static final java.util.List<String> created = new java.util.ArrayList<>();

    private PostgresService() {}

    /** Where a database lives: a JDBC URL and the user to connect as. */
    public record Database(String jdbcUrl, String user, String password) {}

    private record Server(String host, int port, String user, String password) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** A new, empty database, dropped by nobody: its name says it is a test's and it is tiny. */
    public static synchronized Database freshDatabase() {
        if (server == null) {
            server = resolve();
        }
        String name =
                "ponte_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = connect(server.url("postgres"), server.user(), server.password());
                Statement s = c.createStatement()) {
            // The name is generated above from hex digits only: nothing from outside reaches this statement.
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + server.url("postgres"), e);
        }
        if (created.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresService::dropCreated));
        }
        created.add(name);
        return new Database(server.url(name), server.user(), server.password());
    }

    /** Drops this JVM's test databases when it exits, so runs do not pile them up on a shared server. */
    private static synchronized void dropCreated() {
        try (Connection c = connect(server.url("postgres"), server.user(), server.password());
                Statement s = c.createStatement()) {
            for (String name : created) {
                // Names come from freshDatabase(): hex digits after a fixed prefix.
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // the server may be gone already; the databases are tiny
        }
    }

    /**
     * A connection through the PostgreSQL driver itself: {@link java.sql.DriverManager} only sees drivers of the
     * caller's class loader, which is not the test's after a Quarkus test has run in the same JVM.
     */
    public static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        var props = new java.util.Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return new org.postgresql.Driver().connect(jdbcUrl, props);
    }

    /** A connection to a database {@link #freshDatabase()} made. */
    public static Connection connect(Database db) throws SQLException {
        return connect(db.jdbcUrl(), db.user(), db.password());
    }

    private static Server resolve() {
        String configured = System.getenv("PONTE_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            var uri = java.net.URI.create(configured.substring("jdbc:".length()));
            return new Server(
                    uri.getHost(),
                    uri.getPort(),
                    System.getenv().getOrDefault("PONTE_TEST_PG_USER", "postgres"),
                    System.getenv().getOrDefault("PONTE_TEST_PG_PASSWORD", ""));
        }
        if (answers("127.0.0.1", 5432)) {
            return new Server("127.0.0.1", 5432, "postgres", "");
        }
        if (dockerAvailable()) {
            GenericContainer<?> pg = new GenericContainer<>("postgres:17-alpine")
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                    .withExposedPorts(5432)
                    .waitingFor(Wait.forLogMessage(".*ready to accept connections.*\\n", 2));
            pg.start();
            Runtime.getRuntime().addShutdownHook(new Thread(pg::stop));
            return new Server(pg.getHost(), pg.getMappedPort(5432), "postgres", "");
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return new Server("127.0.0.1", embedded.getPort(), "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL: none on 127.0.0.1:5432, no Docker, embedded failed", e);
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

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
