package io.ponte.offload.spi;

/**
 * A {@link JobScheduler} could not do what was asked. {@link #retriable()} says whether trying
 * again later can help: a scheduler that does not answer is retriable (HTTP 503), a job the
 * scheduler refused is not (the pod fails with this message).
 */
public class SchedulerException extends Exception {
    private final boolean retriable;

    public SchedulerException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    public SchedulerException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** Whether the same call may succeed later. */
    public boolean retriable() {
        return retriable;
    }
}
