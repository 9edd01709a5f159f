package io.ponte.offload.adapter.slurm;

import java.time.Instant;
import java.util.Optional;

/**
 * One job as the scheduler reports it.
 *
 * @param jobId the Slurm job id
 * @param state the job state
 * @param exitCode the batch script's exit code once the job ended
 * @param reason the scheduler's reason (pending reason, failure reason), if any
 * @param startTime when the job started running
 * @param endTime when the job ended
 */
public record SlurmJobState(
        String jobId,
        State state,
        Optional<Integer> exitCode,
        Optional<String> reason,
        Optional<Instant> startTime,
        Optional<Instant> endTime) {

    /** Slurm job states, folded to what the bridge distinguishes. */
    public enum State {
        PENDING,
        RUNNING,
        COMPLETING,
        COMPLETED,
        FAILED,
        CANCELLED,
        TIMEOUT,
        OUT_OF_MEMORY,
        NODE_FAIL,
        UNKNOWN;

        /** Whether the job will not change state any more. */
        public boolean isFinal() {
            return this != PENDING && this != RUNNING && this != COMPLETING && this != UNKNOWN;
        }
    }
}
