package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskRecord;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** New and changed copies of run and task records. */
final class RunRecords {

    private RunRecords() {}

    /** A new PENDING run with a fresh id. */
    static RunRecord fresh(
            String displayName,
            String pipelineName,
            String pipelineSpec,
            Map<String, Object> parameters,
            String pipelineRoot,
            boolean cachingEnabled) {
        return new RunRecord(
                UUID.randomUUID().toString(),
                displayName,
                pipelineName,
                pipelineSpec,
                parameters,
                pipelineRoot,
                cachingEnabled,
                RunState.PENDING,
                Optional.empty(),
                Instant.now(),
                Optional.empty(),
                0);
    }

    /** The run in another state (same revision: the store checks it). */
    static RunRecord withState(RunRecord r, RunState state, Optional<String> error, Optional<Instant> finishedAt) {
        return new RunRecord(
                r.id(),
                r.displayName(),
                r.pipelineName(),
                r.pipelineSpec(),
                r.parameters(),
                r.pipelineRoot(),
                r.cachingEnabled(),
                state,
                error,
                r.createdAt(),
                finishedAt,
                r.revision());
    }

    /** A finished task of {@code oldRunId} kept, outputs and all, by the rerun {@code newRunId}. */
    static TaskRecord kept(TaskRecord t, String newRunId, String oldRunId) {
        return new TaskRecord(
                newRunId,
                t.taskPath(),
                t.taskName(),
                t.state(),
                t.attempts(),
                t.inputParameters(),
                t.outputParameters(),
                t.outputArtifacts(),
                t.cacheKey(),
                Optional.of("kept from run " + oldRunId
                        + (t.statusDetail().map(d -> ": " + d).orElse(""))),
                t.executor(),
                t.executorRef(),
                t.startedAt(),
                t.finishedAt(),
                t.error(),
                0);
    }
}
