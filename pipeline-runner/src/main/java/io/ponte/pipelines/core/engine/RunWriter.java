package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskState;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** Stores a run's changes (its record and its tasks' records) and announces them as events. */
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
        node.record = run.ctx.store().upsertTask(u.toRecord());
        run.ctx.events().taskChanged(node.record);
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
        RunRecord r = record;
        RunRecord next = RunRecords.withState(
                r, state, error.or(() -> state.isFinal() ? Optional.empty() : r.error()), finishedAt);
        record = run.ctx.store().updateRun(next);
        run.ctx.events().runChanged(record);
    }
}
