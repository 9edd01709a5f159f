package io.ponte.bench.pipelines;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.ponte.pipelines.adapter.postgres.Migrations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A throwaway database on the PostgreSQL server: {@code ponte_bench_pipelines_<stamp>_<n>}, created empty, brought up
 * by the runner's own Flyway migrations, dropped by {@link #close()}. The name is built from digits and a fixed
 * prefix only, so nothing from outside reaches the statements that create and drop it.
 */
final class BenchDatabase implements AutoCloseable {

    /** Where the server is: {@code host:port}, user and password (PGHOST, PGPORT, PGUSER, PGPASSWORD). */
    record Server(String host, int port, String user, String password) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        static Server fromEnvironment() {
            var env = System.getenv();
            return new Server(
                    env.getOrDefault("PGHOST", "127.0.0.1"),
                    Integer.parseInt(env.getOrDefault("PGPORT", "5432")),
                    env.getOrDefault("PGUSER", "postgres"),
                    env.getOrDefault("PGPASSWORD", ""));
        }
    }

    private static int created;

    private final Server server;
    private final String name;
    private final boolean keep;
    private AgroalDataSource pool;

    private BenchDatabase(Server server, String name, boolean keep) {
        this.server = server;
        this.name = name;
        this.keep = keep;
    }

    /** Creates an empty database and applies the runner's migrations to it. */
    static synchronized BenchDatabase create(Server server, String stamp, boolean keep) throws SQLException {
        if (!stamp.matches("[0-9]+")) {
            throw new IllegalArgumentException("stamp must be digits: " + stamp);
        }
        String name = "ponte_bench_pipelines_" + stamp + "_" + (++created);
        try (Connection c = connect(server, "postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        BenchDatabase db = new BenchDatabase(server, name, keep);
        Migrations.apply(db.pool(8));
        return db;
    }

    String name() {
        return name;
    }

    String url() {
        return server.url(name);
    }

    Server server() {
        return server;
    }

    /** The pool the run store uses (created on first call with {@code size} connections, as the runner's default). */
    synchronized AgroalDataSource pool(int size) {
        if (pool == null) {
            var config = new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(p -> p.maxSize(size)
                            .minSize(1)
                            .initialSize(1)
                            .acquisitionTimeout(Duration.ofSeconds(10))
                            .connectionFactoryConfiguration(cf -> cf.jdbcUrl(url())
                                    .principal(new NamePrincipal(server.user()))
                                    .credential(new SimplePassword(server.password()))));
            try {
                pool = AgroalDataSource.from(config);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open a pool to " + url(), e);
            }
        }
        return pool;
    }

    /** A connection of its own, outside the store's pool. */
    Connection connect() throws SQLException {
        return connect(server, name);
    }

    /** The server's version string. */
    String serverVersion() {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown";
        }
    }

    static Connection connect(Server server, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", server.password());
        // Through the driver itself: DriverManager only sees drivers of the caller's class loader.
        Connection c = new org.postgresql.Driver().connect(server.url(database), props);
        if (c == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + server.url(database));
        }
        return c;
    }

    /** Rows and on-disk bytes of the runner's tables (tables with their indexes and TOAST). */
    record TableSize(String table, long rows, long totalBytes, long liveRowBytes) {}

    static final List<String> TABLES =
            List.of("pipeline_run", "pipeline_task", "pipeline_attempt", "pipeline_cache_entry");

    /** Sizes of the runner's tables now; with {@code vacuumFull} first rewritten without dead row versions. */
    List<TableSize> sizes(boolean vacuumFull) throws SQLException {
        List<TableSize> out = new ArrayList<>();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String t : TABLES) {
                if (vacuumFull) {
                    s.execute("VACUUM FULL " + t);
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*), pg_total_relation_size('" + t + "'),"
                        + " coalesce(sum(pg_column_size(x.*)), 0) FROM " + t + " x")) {
                    rs.next();
                    out.add(new TableSize(t, rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
        if (keep) {
            return;
        }
        try (Connection c = connect(server, "postgres");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop database " + name + ": " + e.getMessage());
        }
    }
}
