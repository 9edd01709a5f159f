package io.ponte.offload.adapter.slurm;

/**
 * A Slurm command failed. {@link #retriable()} says whether trying again can help: a controller
 * that does not answer is retriable, a job sbatch refused is not.
 */
public class SlurmException extends Exception {
    private final boolean retriable;

    public SlurmException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    public SlurmException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** Whether retrying the same command later can succeed. */
    public boolean retriable() {
        return retriable;
    }
}
