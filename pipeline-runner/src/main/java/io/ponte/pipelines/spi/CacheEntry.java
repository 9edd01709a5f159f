package io.ponte.pipelines.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cached task result.
 *
 * @param key the content-addressed key
 * @param keyDescription what went into the key, for explaining hits
 * @param runId the run that produced it
 * @param taskPath the task that produced it
 * @param outputParameters its output parameters
 * @param outputArtifacts its output artifacts
 * @param createdAt when it was stored
 */
public record CacheEntry(
        String key,
        String keyDescription,
        String runId,
        String taskPath,
        Map<String, Object> outputParameters,
        Map<String, List<ArtifactRef>> outputArtifacts,
        Instant createdAt) {}
