package io.ponte.pipelines.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable state of runs, tasks, attempts and cache entries. The PostgreSQL adapter is the real
 * one (an embedded PostgreSQL for {@code ponte up}); an in-memory adapter serves unit tests. Both
 * pass one abstract contract test.
 *
 * <p>Writes are small and frequent (one per task state change), so every method is its own
 * transaction; {@link #updateRun} and {@link #upsertTask} are conditional on the stored revision
 * so that two runners never overwrite each other's progress. Where the engine has several records
 * to write at once it uses the batch operations ({@link #insertTasks}, {@link #upsertTask(TaskRecord,
 * AttemptRecord)}): one transaction in a store that overrides them, one write after the other in
 * their default implementations (each write is then durable on its own, in the same order).
 *
 * <p>Runners that share a store coordinate through {@linkplain #claimRun claims}: a runner
 * executes a run only while it holds the run's claim, renews it periodically, and a run whose
 * claim ended may be taken over by another runner.
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

    /**
     * Stores a task's change and one of its attempts in one transaction: both or neither. The task
     * write is conditional as in {@link #upsertTask(TaskRecord)}; when it loses, the attempt is not
     * written either. The default writes the task, then the attempt.
     *
     * @return the stored task record (revision incremented)
     * @throws StaleRecordException when another writer got to the task first
     */
    default TaskRecord upsertTask(TaskRecord task, AttemptRecord attempt) {
        TaskRecord stored = upsertTask(task);
        saveAttempt(attempt);
        return stored;
    }

    /**
     * Stores the first records of new tasks (ParallelFor iterations, tasks of a DAG instance) in one
     * transaction, in list order. A task already stored is left as it is and returned as stored; the
     * others are stored as {@link #upsertTask(TaskRecord)} would (revision incremented). The default
     * writes them one by one.
     *
     * @return the stored records, in the order given
     */
    default List<TaskRecord> insertTasks(List<TaskRecord> tasks) {
        List<TaskRecord> out = new java.util.ArrayList<>(tasks.size());
        for (TaskRecord t : tasks) {
            TaskRecord stored;
            try {
                stored = upsertTask(t);
            } catch (StaleRecordException e) {
                stored = task(t.runId(), t.taskPath()).orElseThrow(() -> e);
            }
            out.add(stored);
        }
        return out;
    }

    /** Every task of a run, in creation order. */
    List<TaskRecord> tasks(String runId);

    /**
     * One page of a run's tasks, in creation order, after the position {@code pageToken} names
     * (from the start without one). {@code totalSize} counts every task of the run. Tokens stay
     * valid while tasks are added (they are added at the end).
     *
     * @throws IllegalArgumentException for a token this store did not issue
     */
    Page<TaskRecord> taskPage(String runId, int pageSize, Optional<String> pageToken);

    /** One task by its path, without reading the others. */
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

    /**
     * Claims a run for {@code owner} until {@code until}, atomically: the claim is granted when
     * nobody holds the run, when {@code owner} already holds it (a renewal, or the same runner
     * after a restart), or when the holder's claim ended at or before {@code now}; otherwise the
     * holder's claim is left as it is. Claims are independent of the run's revision (claiming does
     * not change it).
     *
     * <p>The default implementation throws {@link UnsupportedOperationException}: a store without
     * claims cannot keep two runners from executing the same run, and the engine then relies on
     * conditional writes alone.
     *
     * @return the claim stored after the call (compare its owner with {@code owner}), or empty when
     *     the run does not exist
     */
    default Optional<RunClaim> claimRun(String runId, String owner, Instant now, Instant until) {
        throw new UnsupportedOperationException("this run store does not support run claims");
    }

    /**
     * Gives up {@code owner}'s claim on a run (its claim ends now); nothing when another runner
     * holds the run or nobody does. The default implementation does nothing.
     */
    default void releaseRun(String runId, String owner) {}
}
