package io.ponte.pipelines.spi;

/**
 * Where a started attempt is.
 *
 * @param phase the phase
 * @param detail why it is there, for a human: "Kueue: pending in queue team-a, position 3 of 7",
 *     "admitted by ClusterQueue gpu-h100", "Slurm job 42 pending (Resources)"
 */
public record TaskProgress(Phase phase, String detail) {

    /** Phases an attempt goes through. */
    public enum Phase {
        /** Submitted, waiting for admission or resources. */
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }
}
