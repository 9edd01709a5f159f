package io.ponte.pipelines.adapter.postgres;

import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.TaskState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Rows of {@code pipeline_attempt}, keyed by run, task and attempt number. */
final class AttemptRows {

    private static final String COLUMNS = "run_id, task_path, attempt, executor, executor_ref, state, exit_code,"
            + " log_uri, started_at, finished_at, error";

    private AttemptRows() {}

    static void save(Connection c, AttemptRecord a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pipeline_attempt (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, task_path, attempt) DO UPDATE SET"
                + " executor = EXCLUDED.executor, executor_ref = EXCLUDED.executor_ref, state = EXCLUDED.state,"
                + " exit_code = EXCLUDED.exit_code, log_uri = EXCLUDED.log_uri, started_at = EXCLUDED.started_at,"
                + " finished_at = EXCLUDED.finished_at, error = EXCLUDED.error")) {
            ps.setString(1, a.runId());
            ps.setString(2, a.taskPath());
            ps.setInt(3, a.attempt());
            ps.setString(4, a.executor());
            Jdbc.setText(ps, 5, a.executorRef());
            ps.setString(6, a.state().name());
            Jdbc.setInt(ps, 7, a.exitCode());
            Jdbc.setText(ps, 8, a.logUri());
            ps.setTimestamp(9, Timestamp.from(a.startedAt()));
            Jdbc.setInstant(ps, 10, a.finishedAt());
            Jdbc.setText(ps, 11, a.error());
            ps.executeUpdate();
        }
    }

    static List<AttemptRecord> of(Connection c, String runId, String taskPath) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM pipeline_attempt WHERE run_id = ? AND task_path = ? ORDER BY attempt")) {
            ps.setString(1, runId);
            ps.setString(2, taskPath);
            try (ResultSet rs = ps.executeQuery()) {
                List<AttemptRecord> attempts = new ArrayList<>();
                while (rs.next()) {
                    attempts.add(new AttemptRecord(
                            rs.getString("run_id"),
                            rs.getString("task_path"),
                            rs.getInt("attempt"),
                            rs.getString("executor"),
                            Jdbc.text(rs, "executor_ref"),
                            TaskState.valueOf(rs.getString("state")),
                            Jdbc.integer(rs, "exit_code"),
                            Jdbc.text(rs, "log_uri"),
                            rs.getTimestamp("started_at").toInstant(),
                            Jdbc.instant(rs, "finished_at"),
                            Jdbc.text(rs, "error")));
                }
                return attempts;
            }
        }
    }
}
