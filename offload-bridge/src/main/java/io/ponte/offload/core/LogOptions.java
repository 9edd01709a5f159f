package io.ponte.offload.core;

import java.time.Instant;
import java.util.Optional;

/**
 * What a log request asks for, as the kubelet reads its options.
 *
 * @param tail only the last N lines (empty or 0: all)
 * @param limitBytes stop after this many bytes (empty or 0: no limit)
 * @param timestamps prefix each line with its RFC 3339 time (nanoseconds) and a space
 * @param since only lines written at or after this time
 * @param follow keep streaming until the container ends
 * @param previous the logs of the previous run of a restarted container
 */
public record LogOptions(
        Optional<Integer> tail,
        Optional<Long> limitBytes,
        boolean timestamps,
        Optional<Instant> since,
        boolean follow,
        boolean previous) {}
