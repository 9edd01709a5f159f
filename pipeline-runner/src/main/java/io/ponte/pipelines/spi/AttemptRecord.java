package io.ponte.pipelines.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * One attempt of a task.
 *
 * @param runId the run
 * @param taskPath the task
 * @param attempt 1-based
 * @param executor executor name
 * @param executorRef the executor's reference (pid, Job name, pod UID)
 * @param state the attempt's state
 * @param exitCode the container's exit code once it ended
 * @param logUri where its log is stored durably
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param error why it failed
 */
public record AttemptRecord(
        String runId,
        String taskPath,
        int attempt,
        String executor,
        Optional<String> executorRef,
        TaskState state,
        Optional<Integer> exitCode,
        Optional<String> logUri,
        Instant startedAt,
        Optional<Instant> finishedAt,
        Optional<String> error) {}
