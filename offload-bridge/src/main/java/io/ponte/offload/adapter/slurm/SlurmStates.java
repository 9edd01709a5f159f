package io.ponte.offload.adapter.slurm;

import io.ponte.offload.spi.JobState;
import java.time.Instant;
import java.util.Optional;

/** Slurm job states as the bridge's {@link JobState}. */
final class SlurmStates {
    private SlurmStates() {}

    static JobState map(SlurmJobState s, Optional<Integer> recordedExit) {
        if (s == null) {
            return recordedExit
                    .map(code -> JobState.ended(code, null, null, Instant.now()))
                    .orElseGet(() -> JobState.ended(
                            null,
                            "JobLost",
                            "Slurm no longer knows this job and it recorded no exit code",
                            Instant.now()));
        }
        Instant end = s.endTime().orElse(null);
        String reason = s.reason().orElse(null);
        return switch (s.state()) {
            case PENDING -> JobState.pending("Pending", reason == null ? null : "Slurm says " + reason);
            case RUNNING, COMPLETING -> JobState.running(s.startTime().orElse(null));
            case COMPLETED, FAILED ->
                JobState.ended(recordedExit.or(s::exitCode).orElse(null), null, null, end);
            case TIMEOUT ->
                JobState.ended(
                        recordedExit.or(s::exitCode).orElse(null),
                        "SlurmJobTimeout",
                        "the job reached its time limit",
                        end);
            case OUT_OF_MEMORY -> JobState.ended(137, "OOMKilled", "the job ran out of memory", end);
            case CANCELLED ->
                JobState.ended(recordedExit.or(s::exitCode).orElse(null), "JobCancelled", "the job was cancelled", end);
            case NODE_FAIL -> JobState.ended(null, "NodeFail", "the node running the job failed", end);
            case UNKNOWN ->
                JobState.pending(
                        "Unknown", "Slurm reports an unknown job state" + (reason == null ? "" : ": " + reason));
        };
    }
}
