package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.StaleRecordException;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stores a run's changes (its record and its tasks' records) and announces them as events. A
 * conditional write that loses ({@link StaleRecordException}) is not an error of the task: when
 * another runner took the run over the execution stops ({@link RunExecution#requireClaim}); otherwise
 * the record is read again and the change applied to what is stored.
 */
final class RunWriter {

    private final RunExecution run;
    private RunRecord record;

    RunWriter(RunExecution run, RunRecord record) {
        this.run = run;
        this.record = record;
    }

    RunRecord record() {
        return record;
    }

    /**
     * Applies {@code change} to the node's record and stores it, together with the node's {@linkplain
     * Node#endedAttempt ended attempt} when one waits (one transaction).
     */
    void save(Node node, Consumer<TaskUpdate> change) {
        AttemptRecord attempt = node.endedAttempt;
        node.endedAttempt = null;
        save(node, change, attempt);
    }

    /** Applies {@code change} to the node's record and stores it with {@code attempt} (when not null), atomically. */
    void save(Node node, Consumer<TaskUpdate> change, AttemptRecord attempt) {
        TaskUpdate u = new TaskUpdate(node.record);
        change.accept(u);
        try {
            node.record = write(u.toRecord(), attempt);
        } catch (StaleRecordException e) {
            run.requireClaim();
            TaskUpdate again =
                    new TaskUpdate(run.ctx.store().task(run.runId(), node.path).orElseThrow(() -> e));
            change.accept(again);
            node.record = write(again.toRecord(), attempt);
        }
        run.ctx.events().taskChanged(node.record);
    }

    private TaskRecord write(TaskRecord task, AttemptRecord attempt) {
        return attempt == null
                ? run.ctx.store().upsertTask(task)
                : run.ctx.store().upsertTask(task, attempt);
    }

    /** Stores new tasks' first records in one transaction; those stored meanwhile are taken as they are. */
    List<TaskRecord> insertAll(List<TaskRecord> fresh) {
        return run.ctx.store().insertTasks(fresh);
    }

    /** Takes the run's record as stored (another writer changed it). */
    void refresh(RunRecord stored) {
        record = stored;
    }

    /** The node started: RUNNING with its resolved inputs. */
    void markRunning(Node node) {
        save(node, u -> {
            u.state = TaskState.RUNNING;
            u.inputParameters = node.inputs;
            u.startedAt = Optional.of(Instant.now());
        });
    }

    /** Moves the run to {@code state}; a final state clears an earlier error unless one is given. */
    void updateRun(RunState state, Optional<String> error, Optional<Instant> finishedAt) {
        try {
            record = run.ctx.store().updateRun(next(record, state, error, finishedAt));
        } catch (StaleRecordException e) {
            run.requireClaim();
            RunRecord stored = run.ctx.store().run(run.runId()).orElseThrow(() -> e);
            RunState merged = stored.state() == RunState.CANCELING && !state.isFinal() ? RunState.CANCELING : state;
            record = run.ctx.store().updateRun(next(stored, merged, error, finishedAt));
            if (merged == RunState.CANCELING && !run.cancelling) {
                run.terminate();
            }
        }
        run.ctx.events().runChanged(record);
    }

    /** A terminate asked through the store wins over any state short of the end. */
    private static RunRecord next(RunRecord r, RunState state, Optional<String> error, Optional<Instant> finishedAt) {
        return RunRecords.withState(
                r, state, error.or(() -> state.isFinal() ? Optional.empty() : r.error()), finishedAt);
    }
}
