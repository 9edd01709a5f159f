package io.ponte.pipelines.adapter.postgres;

import io.ponte.pipelines.core.PipelineException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Runs units of JDBC work in their own transaction and turns {@link SQLException}s into what the
 * caller can act on: a lost connection is {@link PipelineException.Kind#UNAVAILABLE} (retrying
 * later helps), a violated key is an {@link IllegalArgumentException} (the request was wrong).
 */
final class Jdbc {

    /** One unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T transaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(what, e);
        }
    }

    <T> T read(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw translate(what, e);
        }
    }

    static RuntimeException translate(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("23505")) {
            return new IllegalArgumentException(what + ": already stored", e);
        }
        if (state.equals("23503")) {
            return new IllegalArgumentException(what + ": the run it belongs to does not exist", e);
        }
        if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || state.isEmpty()) {
            return new PipelineException(
                    PipelineException.Kind.UNAVAILABLE, null, "the run store is unavailable (" + what + ")", e);
        }
        return new IllegalStateException(what + " failed: SQL state " + state, e);
    }

    static void setInstant(PreparedStatement ps, int index, Optional<Instant> instant) throws SQLException {
        if (instant.isPresent()) {
            ps.setTimestamp(index, Timestamp.from(instant.get()));
        } else {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }

    static void setText(PreparedStatement ps, int index, Optional<String> text) throws SQLException {
        ps.setString(index, text.orElse(null));
    }

    static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static void setInt(PreparedStatement ps, int index, Optional<Integer> value) throws SQLException {
        if (value.isPresent()) {
            ps.setInt(index, value.get());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    static Optional<Integer> integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
