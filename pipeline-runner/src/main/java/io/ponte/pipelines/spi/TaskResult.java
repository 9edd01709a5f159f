package io.ponte.pipelines.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * How an attempt ended.
 *
 * @param exitCode the container's exit code (-1 when it never ran or was killed)
 * @param cancelled whether it was cancelled through {@link TaskHandle#cancel()}
 * @param reason why it failed, for a human (OOMKilled, image not found, deadline exceeded)
 * @param startedAt when the container started, if it did
 * @param finishedAt when it ended
 */
public record TaskResult(
        int exitCode, boolean cancelled, Optional<String> reason, Optional<Instant> startedAt, Instant finishedAt) {

    public boolean succeeded() {
        return exitCode == 0 && !cancelled;
    }
}
