package io.ponte.pipelines.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task of a run: one node of the DAG as expanded at run time (one per ParallelFor iteration).
 *
 * @param runId the run
 * @param taskPath path in the DAG, e.g. {@code root/for-loop-2[3]/train}
 * @param taskName the IR task name
 * @param state the task state
 * @param attempts attempts made so far
 * @param inputParameters the resolved input parameter values
 * @param outputParameters produced output parameter values
 * @param outputArtifacts produced output artifacts by output name
 * @param cacheKey the content-addressed cache key, when caching applied
 * @param statusDetail a human explanation: cache hit (which run and task produced the entry and
 *     what the key covered), Kueue admission state, skip reason
 * @param executor the executor that ran it
 * @param executorRef the executor's reference for the current attempt (to re-attach)
 * @param startedAt when the first attempt started
 * @param finishedAt when it reached a final state
 * @param error why it failed
 * @param revision optimistic-locking revision
 */
public record TaskRecord(
        String runId,
        String taskPath,
        String taskName,
        TaskState state,
        int attempts,
        Map<String, Object> inputParameters,
        Map<String, Object> outputParameters,
        Map<String, List<ArtifactRef>> outputArtifacts,
        Optional<String> cacheKey,
        Optional<String> statusDetail,
        Optional<String> executor,
        Optional<String> executorRef,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<String> error,
        long revision) {}
