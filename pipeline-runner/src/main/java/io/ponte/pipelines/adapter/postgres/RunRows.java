package io.ponte.pipelines.adapter.postgres;

import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** Rows of {@code pipeline_run}. */
final class RunRows {

    static final String COLUMNS = "id, display_name, pipeline_name, pipeline_spec, parameters, pipeline_root,"
            + " caching_enabled, state, error, created_at, finished_at, revision";

    private RunRows() {}

    static void insert(Connection c, RunRecord run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pipeline_run (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, run.id());
            ps.setString(2, run.displayName());
            ps.setString(3, run.pipelineName());
            ps.setString(4, run.pipelineSpec());
            ps.setString(5, JsonColumns.values(run.parameters()));
            ps.setString(6, run.pipelineRoot());
            ps.setBoolean(7, run.cachingEnabled());
            ps.setString(8, run.state().name());
            Jdbc.setText(ps, 9, run.error());
            ps.setTimestamp(10, Timestamp.from(run.createdAt()));
            Jdbc.setInstant(ps, 11, run.finishedAt());
            ps.setLong(12, run.revision());
            ps.executeUpdate();
        }
    }

    static Optional<RunRecord> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM pipeline_run WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The conditional update: empty when the stored revision is not {@code run.revision()}. */
    static Optional<RunRecord> update(Connection c, RunRecord run) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE pipeline_run SET display_name = ?,"
                + " parameters = CAST(? AS jsonb), pipeline_root = ?, caching_enabled = ?, state = ?, error = ?,"
                + " finished_at = ?, revision = revision + 1 WHERE id = ? AND revision = ? RETURNING " + COLUMNS)) {
            ps.setString(1, run.displayName());
            ps.setString(2, JsonColumns.values(run.parameters()));
            ps.setString(3, run.pipelineRoot());
            ps.setBoolean(4, run.cachingEnabled());
            ps.setString(5, run.state().name());
            Jdbc.setText(ps, 6, run.error());
            Jdbc.setInstant(ps, 7, run.finishedAt());
            ps.setString(8, run.id());
            ps.setLong(9, run.revision());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static RunRecord read(ResultSet rs) throws SQLException {
        return new RunRecord(
                rs.getString("id"),
                rs.getString("display_name"),
                rs.getString("pipeline_name"),
                rs.getString("pipeline_spec"),
                JsonColumns.values(rs.getString("parameters")),
                rs.getString("pipeline_root"),
                rs.getBoolean("caching_enabled"),
                RunState.valueOf(rs.getString("state")),
                Jdbc.text(rs, "error"),
                rs.getTimestamp("created_at").toInstant(),
                Jdbc.instant(rs, "finished_at"),
                rs.getLong("revision"));
    }
}
