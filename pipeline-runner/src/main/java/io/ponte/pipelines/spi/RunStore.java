package io.ponte.pipelines.spi;

import java.util.List;
import java.util.Optional;

/**
 * Durable state of runs, tasks, attempts and cache entries. The PostgreSQL adapter is the real
 * one (an embedded PostgreSQL for {@code ponte up}); an in-memory adapter serves unit tests. Both
 * pass one abstract contract test.
 *
 * <p>Writes are small and frequent (one per task state change), so every method is its own
 * transaction; {@link #updateRun} and {@link #upsertTask} are conditional on the stored revision
 * so that two runners never overwrite each other's progress.
 */
public interface RunStore {

    /** Stores a new run with its tasks planned so far, atomically. */
    void createRun(RunRecord run, List<TaskRecord> tasks);

    Optional<RunRecord> run(String runId);

    /** Runs matching the query, newest first, paged by an opaque token. */
    Page<RunRecord> listRuns(RunQuery query);

    /**
     * Replaces a run's mutable fields when its stored revision equals {@code run.revision()}.
     *
     * @return the stored record (revision incremented)
     * @throws StaleRecordException when another writer got there first
     */
    RunRecord updateRun(RunRecord run);

    /** Inserts or replaces a task (conditional on revision when it exists). */
    TaskRecord upsertTask(TaskRecord task);

    /** Every task of a run, in creation order. */
    List<TaskRecord> tasks(String runId);

    Optional<TaskRecord> task(String runId, String taskPath);

    /** Inserts or replaces one attempt. */
    void saveAttempt(AttemptRecord attempt);

    List<AttemptRecord> attempts(String runId, String taskPath);

    Optional<CacheEntry> cacheLookup(String key);

    /** Stores a cache entry; an existing entry for the key is kept (first writer wins). */
    void cachePut(CacheEntry entry);

    /** Removes cache entries, all of them or those of one key. */
    int cacheEvict(Optional<String> key);

    /** Ids of runs that were not finished when the runner stopped: to resume at start-up. */
    List<String> unfinishedRuns();
}
