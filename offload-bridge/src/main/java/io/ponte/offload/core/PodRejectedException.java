package io.ponte.offload.core;

/**
 * The pod cannot run here as asked: a missing or malformed field, an image this site does not
 * have, more resources than the partition offers, a volume whose data was not sent, a job the
 * scheduler refused. Trying again without changing the pod does not help.
 */
public class PodRejectedException extends OffloadException {

    public PodRejectedException(String message) {
        super(message);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
