package io.ponte.bench.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's own SQL sent straight to PostgreSQL: the statement text, bound parameters and the columns read are
 * those of {@code PostgresEntityStore.get} and {@code .list} (ordered by id, {@code LIMIT pageSize + 1}). pgjdbc runs
 * with its defaults, as the service's pool does (server-side prepared statements after 5 uses of the same text on a
 * connection). What the service adds on top is HTTP, JSON, the filter parser and its pool.
 */
final class JdbcBaseline implements AutoCloseable {

    static final String KIND = "MODEL_VERSION";
    static final String COLUMNS = "e.id, e.kind, e.parent_id, e.name, e.external_id, e.state, e.create_time,"
            + " e.update_time, e.revision, e.props::text, e.custom_props::text";
    static final String GET = "SELECT " + COLUMNS + " FROM entity e WHERE e.id = ? AND e.kind = ANY (?)";

    private final Connection c;

    JdbcBaseline(String url, String user, String password) throws SQLException {
        this.c = DriverManager.getConnection(url, user, password);
    }

    Connection connection() {
        return c;
    }

    /** The list query of {@code PostgresEntityStore.list} for a filtered page ordered by id. */
    static String listSql(FilterShape.Instance f, int pageSize) {
        return "SELECT " + COLUMNS + " FROM entity e WHERE e.kind = ANY (?) AND (" + f.sqlCondition()
                + ") ORDER BY e.id ASC LIMIT " + (pageSize + 1);
    }

    /** Reads the version as the service does: every column; throws when it does not exist. */
    void get(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(GET)) {
            ps.setLong(1, id);
            ps.setArray(2, c.createArrayOf("text", new String[] {KIND}));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("version " + id + " not found");
                }
                readRow(rs);
            }
        }
    }

    /** The ids of one page (at most pageSize of the pageSize + 1 rows read, as the service returns). */
    List<Long> list(FilterShape.Instance f, int pageSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(listSql(f, pageSize))) {
            bind(ps, f);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    readRow(rs);
                    ids.add(rs.getLong(1));
                }
            }
            return ids.size() > pageSize ? ids.subList(0, pageSize) : ids;
        }
    }

    /** Binds the kind array, then the condition's parameters, as {@code PostgresEntityStore.bind} does. */
    void bind(PreparedStatement ps, FilterShape.Instance f) throws SQLException {
        ps.setArray(1, c.createArrayOf("text", new String[] {KIND}));
        for (int i = 0; i < f.params().size(); i++) {
            ps.setObject(i + 2, f.params().get(i));
        }
    }

    private static void readRow(ResultSet rs) throws SQLException {
        rs.getLong(1);
        for (int col = 2; col <= 11; col++) {
            rs.getString(col);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
