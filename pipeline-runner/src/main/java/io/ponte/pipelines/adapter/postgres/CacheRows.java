package io.ponte.pipelines.adapter.postgres;

import io.ponte.pipelines.spi.CacheEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** Rows of {@code pipeline_cache_entry}; the first entry stored for a key is kept. */
final class CacheRows {

    private static final String COLUMNS =
            "cache_key, key_description, run_id, task_path, output_parameters, output_artifacts, created_at";

    private CacheRows() {}

    static void putIfAbsent(Connection c, CacheEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pipeline_cache_entry (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?) ON CONFLICT (cache_key) DO NOTHING")) {
            ps.setString(1, e.key());
            ps.setString(2, e.keyDescription());
            ps.setString(3, e.runId());
            ps.setString(4, e.taskPath());
            ps.setString(5, JsonColumns.values(e.outputParameters()));
            ps.setString(6, JsonColumns.artifacts(e.outputArtifacts()));
            ps.setTimestamp(7, Timestamp.from(e.createdAt()));
            ps.executeUpdate();
        }
    }

    static Optional<CacheEntry> find(Connection c, String key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM pipeline_cache_entry WHERE cache_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CacheEntry(
                        rs.getString("cache_key"),
                        rs.getString("key_description"),
                        rs.getString("run_id"),
                        rs.getString("task_path"),
                        JsonColumns.values(rs.getString("output_parameters")),
                        JsonColumns.artifacts(rs.getString("output_artifacts")),
                        rs.getTimestamp("created_at").toInstant()));
            }
        }
    }

    static int evict(Connection c, Optional<String> key) throws SQLException {
        if (key.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pipeline_cache_entry")) {
                return ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM pipeline_cache_entry WHERE cache_key = ?")) {
            ps.setString(1, key.get());
            return ps.executeUpdate();
        }
    }
}
