package io.ponte.pipelines.adapter.postgres;

import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.CacheEntry;
import io.ponte.pipelines.spi.Page;
import io.ponte.pipelines.spi.RunClaim;
import io.ponte.pipelines.spi.RunQuery;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.StaleRecordException;
import io.ponte.pipelines.spi.TaskPosition;
import io.ponte.pipelines.spi.TaskRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link RunStore} on PostgreSQL, plain JDBC over a pool, the schema brought up by {@link
 * Migrations}. Conditional writes compare revisions in the statement itself ({@code UPDATE … WHERE
 * revision = ?}, {@code ON CONFLICT … WHERE}), so they need no locks and no read first. Run claims
 * are conditional updates of their own columns ({@link ClaimRows}).
 */
public final class PostgresRunStore implements RunStore {

    private final Jdbc jdbc;

    /** A store on a database whose schema {@link Migrations#apply} brought up to date. */
    public PostgresRunStore(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void createRun(RunRecord run, List<TaskRecord> tasks) {
        jdbc.transaction("create run " + run.id(), c -> {
            RunRows.insert(c, run);
            TaskRows.insertAll(c, tasks);
            return null;
        });
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return jdbc.read("read run " + runId, c -> RunRows.find(c, runId));
    }

    @Override
    public Page<RunRecord> listRuns(RunQuery query) {
        return jdbc.transaction("list runs", c -> RunListing.page(c, query));
    }

    @Override
    public RunRecord updateRun(RunRecord run) {
        return jdbc.transaction("update run " + run.id(), c -> RunRows.update(c, run))
                .orElseThrow(() -> new StaleRecordException(
                        "run " + run.id() + " is not at revision " + run.revision() + " any more (or does not exist)"));
    }

    @Override
    public TaskRecord upsertTask(TaskRecord task) {
        return jdbc.transaction("write task " + task.taskPath(), c -> TaskRows.upsert(c, task))
                .orElseThrow(() -> stale(task));
    }

    @Override
    public TaskRecord upsertTask(TaskRecord task, AttemptRecord attempt) {
        return jdbc.transaction("write task " + task.taskPath() + " and attempt " + attempt.attempt(), c -> {
            TaskRecord stored = TaskRows.upsert(c, task).orElseThrow(() -> stale(task)); // rolls back
            AttemptRows.save(c, attempt);
            return stored;
        });
    }

    @Override
    public List<TaskRecord> insertTasks(List<TaskRecord> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        return jdbc.transaction("insert " + tasks.size() + " tasks", c -> TaskRows.insertAbsent(c, tasks));
    }

    private static StaleRecordException stale(TaskRecord task) {
        return new StaleRecordException("task " + task.taskPath() + " of run " + task.runId() + " is not at revision "
                + task.revision() + " any more");
    }

    @Override
    public List<TaskRecord> tasks(String runId) {
        return jdbc.read("read tasks of " + runId, c -> TaskRows.ofRun(c, runId));
    }

    @Override
    public Page<TaskRecord> taskPage(String runId, int pageSize, Optional<String> pageToken) {
        long afterSeq = pageToken.map(TaskPosition::decode).orElse(0L);
        return jdbc.transaction(
                "read tasks of " + runId, c -> TaskRows.page(c, runId, afterSeq, Math.max(1, pageSize)));
    }

    @Override
    public Optional<TaskRecord> task(String runId, String taskPath) {
        return jdbc.read("read task " + taskPath, c -> TaskRows.find(c, runId, taskPath));
    }

    @Override
    public void saveAttempt(AttemptRecord attempt) {
        jdbc.transaction("save attempt " + attempt.attempt() + " of " + attempt.taskPath(), c -> {
            AttemptRows.save(c, attempt);
            return null;
        });
    }

    @Override
    public List<AttemptRecord> attempts(String runId, String taskPath) {
        return jdbc.read("read attempts of " + taskPath, c -> AttemptRows.of(c, runId, taskPath));
    }

    @Override
    public Optional<CacheEntry> cacheLookup(String key) {
        return jdbc.read("look up cache entry", c -> CacheRows.find(c, key));
    }

    @Override
    public void cachePut(CacheEntry entry) {
        jdbc.transaction("store cache entry", c -> {
            CacheRows.putIfAbsent(c, entry);
            return null;
        });
    }

    @Override
    public int cacheEvict(Optional<String> key) {
        return jdbc.transaction("evict cache entries", c -> CacheRows.evict(c, key));
    }

    @Override
    public List<String> unfinishedRuns() {
        return jdbc.read("list unfinished runs", c -> {
            // The condition is the partial index's (V1), so this reads only unfinished rows.
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM pipeline_run"
                    + " WHERE state NOT IN ('SUCCEEDED', 'FAILED', 'CANCELED') ORDER BY created_at, id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    List<String> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    return ids;
                }
            }
        });
    }

    @Override
    public Optional<RunClaim> claimRun(String runId, String owner, Instant now, Instant until) {
        // Another runner can release or let its claim end between the update and the read that
        // names it; the claim is then tried again (a handful of times at most in practice).
        for (int round = 0; round < 16; round++) {
            ClaimRows.Outcome outcome =
                    jdbc.read("claim run " + runId, c -> ClaimRows.claim(c, runId, owner, now, until));
            if (outcome instanceof ClaimRows.Outcome.Stored stored) {
                return Optional.of(stored.claim());
            }
            if (outcome instanceof ClaimRows.Outcome.NoRun) {
                return Optional.empty();
            }
        }
        throw new IllegalStateException("the claim on run " + runId + " keeps changing hands");
    }

    @Override
    public void releaseRun(String runId, String owner) {
        jdbc.read("release run " + runId, c -> {
            ClaimRows.release(c, runId, owner);
            return null;
        });
    }
}
