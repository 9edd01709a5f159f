package io.ponte.pipelines.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Which runs to list.
 *
 * @param state only runs in this state
 * @param pipelineName only runs of this pipeline
 * @param nameContains display name contains this, case-insensitively
 * @param createdAfter only runs created after this instant
 * @param pageSize at most this many (1..1000)
 * @param pageToken the token from the previous page
 */
public record RunQuery(
        Optional<RunState> state,
        Optional<String> pipelineName,
        Optional<String> nameContains,
        Optional<Instant> createdAfter,
        int pageSize,
        Optional<String> pageToken) {}
