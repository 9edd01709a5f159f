package io.ponte.offload.core;

/** The scheduler did not answer (e.g. slurmctld is down); the same request may succeed later. */
public class SchedulerUnavailableException extends OffloadException {

    public SchedulerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
