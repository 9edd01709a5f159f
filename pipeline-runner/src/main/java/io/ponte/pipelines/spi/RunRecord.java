package io.ponte.pipelines.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A run.
 *
 * @param id run id (UUID)
 * @param displayName a name for humans
 * @param pipelineName the IR's {@code pipelineInfo.name}
 * @param pipelineSpec the IR document as submitted (JSON), so the run can resume without it
 * @param parameters the run's input parameter values (JSON values)
 * @param pipelineRoot where its artifacts go, e.g. {@code s3://ponte-pipelines/runs}
 * @param cachingEnabled false when the run opted out of caching
 * @param state the run state
 * @param error why it failed, for a human
 * @param createdAt when it was created
 * @param finishedAt when it reached a final state
 * @param revision optimistic-locking revision, incremented on every update
 */
public record RunRecord(
        String id,
        String displayName,
        String pipelineName,
        String pipelineSpec,
        Map<String, Object> parameters,
        String pipelineRoot,
        boolean cachingEnabled,
        RunState state,
        Optional<String> error,
        Instant createdAt,
        Optional<Instant> finishedAt,
        long revision) {}
