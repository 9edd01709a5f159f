package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A mutable copy of a {@link TaskRecord}, to change a few fields and write it back. */
final class TaskUpdate {
    String runId;
    String taskPath;
    String taskName;
    TaskState state;
    int attempts;
    Map<String, Object> inputParameters;
    Map<String, Object> outputParameters;
    Map<String, List<ArtifactRef>> outputArtifacts;
    Optional<String> cacheKey;
    Optional<String> statusDetail;
    Optional<String> executor;
    Optional<String> executorRef;
    Optional<Instant> startedAt;
    Optional<Instant> finishedAt;
    Optional<String> error;
    long revision;

    static TaskRecord fresh(String runId, String path, String name, Optional<String> executor) {
        return new TaskRecord(
                runId,
                path,
                name,
                TaskState.PENDING,
                0,
                Map.of(),
                Map.of(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                executor,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0);
    }

    TaskUpdate(TaskRecord r) {
        runId = r.runId();
        taskPath = r.taskPath();
        taskName = r.taskName();
        state = r.state();
        attempts = r.attempts();
        inputParameters = r.inputParameters();
        outputParameters = r.outputParameters();
        outputArtifacts = r.outputArtifacts();
        cacheKey = r.cacheKey();
        statusDetail = r.statusDetail();
        executor = r.executor();
        executorRef = r.executorRef();
        startedAt = r.startedAt();
        finishedAt = r.finishedAt();
        error = r.error();
        revision = r.revision();
    }

    TaskRecord toRecord() {
        return new TaskRecord(
                runId,
                taskPath,
                taskName,
                state,
                attempts,
                inputParameters,
                outputParameters,
                outputArtifacts,
                cacheKey,
                statusDetail,
                executor,
                executorRef,
                startedAt,
                finishedAt,
                error,
                revision);
    }
}
