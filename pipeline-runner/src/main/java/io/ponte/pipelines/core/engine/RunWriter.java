package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.StaleRecordException;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stores a run's changes (its record and its tasks' records) and announces them as events. A
 * conditional write that loses ({@link StaleRecordException}) is not an error of the task: when
 * another runner took the run over the execution stops ({@link RunExecution#onConflict}); otherwise
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

    /** Applies {@code change} to the node's record and stores it. */
    void save(Node node, Consumer<TaskUpdate> change) {
        TaskUpdate u = new TaskUpdate(node.record);
        change.accept(u);
        try {
            node.record = run.ctx.store().upsertTask(u.toRecord());
        } catch (StaleRecordException e) {
            run.onConflict();
            TaskUpdate again =
                    new TaskUpdate(run.ctx.store().task(run.runId(), node.path).orElseThrow(() -> e));
            change.accept(again);
            node.record = run.ctx.store().upsertTask(again.toRecord());
        }
        run.ctx.events().taskChanged(node.record);
    }

    /** Stores a new task's first record; one stored meanwhile by another writer is taken as it is. */
    TaskRecord insert(TaskRecord fresh) {
        try {
            return run.ctx.store().upsertTask(fresh);
        } catch (StaleRecordException e) {
            run.onConflict();
            return run.ctx.store().task(fresh.runId(), fresh.taskPath()).orElseThrow(() -> e);
        }
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
            run.onConflict();
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
