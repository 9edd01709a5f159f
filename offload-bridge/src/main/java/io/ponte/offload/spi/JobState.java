package io.ponte.offload.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * What a scheduler says about one job.
 *
 * @param phase where the job is
 * @param exitCode the job script's exit code once it ended, if known
 * @param reason a short CamelCase reason when the job ended abnormally ({@code SlurmJobTimeout},
 *     {@code OOMKilled}, {@code JobCancelled}, {@code NodeFail}, {@code JobLost}) or is pending
 * @param message a human sentence saying more, e.g. the scheduler's pending reason
 * @param startedAt when the job started running
 * @param endedAt when it ended
 */
public record JobState(
        Phase phase,
        Optional<Integer> exitCode,
        Optional<String> reason,
        Optional<String> message,
        Optional<Instant> startedAt,
        Optional<Instant> endedAt) {

    /** Where a job is in its life. */
    public enum Phase {
        /** Queued, not started. */
        PENDING,
        /** Running (or completing). */
        RUNNING,
        /** Ended, one way or another; will not change any more. */
        ENDED
    }

    /** A job waiting in the queue. */
    public static JobState pending(String reason, String message) {
        return new JobState(
                Phase.PENDING,
                Optional.empty(),
                Optional.ofNullable(reason),
                Optional.ofNullable(message),
                Optional.empty(),
                Optional.empty());
    }

    /** A running job. */
    public static JobState running(Instant startedAt) {
        return new JobState(
                Phase.RUNNING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable(startedAt),
                Optional.empty());
    }

    /** An ended job; {@code reason} is empty for a job whose script simply exited. */
    public static JobState ended(Integer exitCode, String reason, String message, Instant endedAt) {
        return new JobState(
                Phase.ENDED,
                Optional.ofNullable(exitCode),
                Optional.ofNullable(reason),
                Optional.ofNullable(message),
                Optional.empty(),
                Optional.ofNullable(endedAt));
    }

    /** Whether the job will not change state any more. */
    public boolean isFinal() {
        return phase == Phase.ENDED;
    }
}
