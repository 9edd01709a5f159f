package io.ponte.pipelines.adapter.postgres;

import io.ponte.pipelines.spi.Page;
import io.ponte.pipelines.spi.TaskPosition;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Rows of {@code pipeline_task}: one per expanded DAG node, in creation order ({@code seq}). */
final class TaskRows {

    private static final String COLUMNS = "run_id, task_path, task_name, state, attempts, input_parameters,"
            + " output_parameters, output_artifacts, cache_key, status_detail, executor, executor_ref, started_at,"
            + " finished_at, error, revision";
    private static final String VALUES =
            "?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?";
    private static final String INSERT = "INSERT INTO pipeline_task (" + COLUMNS + ") VALUES (" + VALUES + ")";

    /**
     * Insert, or update when the stored revision is the given one; every write stores revision + 1.
     * No row comes back when the stored revision differs.
     */
    private static final String UPSERT = INSERT
            + " ON CONFLICT (run_id, task_path) DO UPDATE SET task_name = EXCLUDED.task_name,"
            + " state = EXCLUDED.state, attempts = EXCLUDED.attempts, input_parameters = EXCLUDED.input_parameters,"
            + " output_parameters = EXCLUDED.output_parameters, output_artifacts = EXCLUDED.output_artifacts,"
            + " cache_key = EXCLUDED.cache_key, status_detail = EXCLUDED.status_detail,"
            + " executor = EXCLUDED.executor, executor_ref = EXCLUDED.executor_ref,"
            + " started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, error = EXCLUDED.error,"
            + " revision = EXCLUDED.revision"
            + " WHERE pipeline_task.revision = EXCLUDED.revision - 1 RETURNING " + COLUMNS;

    private TaskRows() {}

    /** Inserts tasks as given (their own revisions), in one batch. */
    static void insertAll(Connection c, List<TaskRecord> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (TaskRecord task : tasks) {
                bind(ps, task, task.revision());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Inserts tasks that are not stored yet (at revision + 1, as {@link #upsert} stores them), in one
     * JDBC batch; those already stored are read back as they are.
     */
    static List<TaskRecord> insertAbsent(Connection c, List<TaskRecord> tasks) throws SQLException {
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(INSERT + " ON CONFLICT (run_id, task_path) DO NOTHING")) {
            for (TaskRecord task : tasks) {
                bind(ps, task, task.revision() + 1);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        List<TaskRecord> out = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            TaskRecord t = tasks.get(i);
            if (counts[i] == 0) {
                out.add(find(c, t.runId(), t.taskPath()).orElseThrow());
            } else {
                out.add(new TaskRecord(
                        t.runId(),
                        t.taskPath(),
                        t.taskName(),
                        t.state(),
                        t.attempts(),
                        t.inputParameters(),
                        t.outputParameters(),
                        t.outputArtifacts(),
                        t.cacheKey(),
                        t.statusDetail(),
                        t.executor(),
                        t.executorRef(),
                        t.startedAt(),
                        t.finishedAt(),
                        t.error(),
                        t.revision() + 1));
            }
        }
        return out;
    }

    static Optional<TaskRecord> upsert(Connection c, TaskRecord task) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            bind(ps, task, task.revision() + 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    static List<TaskRecord> ofRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM pipeline_task WHERE run_id = ? ORDER BY seq")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                List<TaskRecord> tasks = new ArrayList<>();
                while (rs.next()) {
                    tasks.add(read(rs));
                }
                return tasks;
            }
        }
    }

    /** Tasks after sequence number {@code afterSeq}, in order; the next token names the last one's. */
    static Page<TaskRecord> page(Connection c, String runId, long afterSeq, int size) throws SQLException {
        List<TaskRecord> tasks = new ArrayList<>();
        long lastSeq = afterSeq;
        boolean more = false;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, " + COLUMNS + " FROM pipeline_task WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            ps.setString(1, runId);
            ps.setLong(2, afterSeq);
            ps.setInt(3, size + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (tasks.size() == size) {
                        more = true;
                        break;
                    }
                    tasks.add(read(rs));
                    lastSeq = rs.getLong("seq");
                }
            }
        }
        long total;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pipeline_task WHERE run_id = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        return new Page<>(
                List.copyOf(tasks), more ? Optional.of(TaskPosition.encode(lastSeq)) : Optional.empty(), total);
    }

    static Optional<TaskRecord> find(Connection c, String runId, String taskPath) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM pipeline_task WHERE run_id = ? AND task_path = ?")) {
            ps.setString(1, runId);
            ps.setString(2, taskPath);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement ps, TaskRecord t, long revision) throws SQLException {
        ps.setString(1, t.runId());
        ps.setString(2, t.taskPath());
        ps.setString(3, t.taskName());
        ps.setString(4, t.state().name());
        ps.setInt(5, t.attempts());
        ps.setString(6, JsonColumns.values(t.inputParameters()));
        ps.setString(7, JsonColumns.values(t.outputParameters()));
        ps.setString(8, JsonColumns.artifacts(t.outputArtifacts()));
        Jdbc.setText(ps, 9, t.cacheKey());
        Jdbc.setText(ps, 10, t.statusDetail());
        Jdbc.setText(ps, 11, t.executor());
        Jdbc.setText(ps, 12, t.executorRef());
        Jdbc.setInstant(ps, 13, t.startedAt());
        Jdbc.setInstant(ps, 14, t.finishedAt());
        Jdbc.setText(ps, 15, t.error());
        ps.setLong(16, revision);
    }

    private static TaskRecord read(ResultSet rs) throws SQLException {
        return new TaskRecord(
                rs.getString("run_id"),
                rs.getString("task_path"),
                rs.getString("task_name"),
                TaskState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                JsonColumns.values(rs.getString("input_parameters")),
                JsonColumns.values(rs.getString("output_parameters")),
                JsonColumns.artifacts(rs.getString("output_artifacts")),
                Jdbc.text(rs, "cache_key"),
                Jdbc.text(rs, "status_detail"),
                Jdbc.text(rs, "executor"),
                Jdbc.text(rs, "executor_ref"),
                Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "finished_at"),
                Jdbc.text(rs, "error"),
                rs.getLong("revision"));
    }
}
