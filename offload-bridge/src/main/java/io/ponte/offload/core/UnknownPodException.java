package io.ponte.offload.core;

/** A status or log request named a pod (or a container) the bridge does not run. */
public class UnknownPodException extends OffloadException {

    public UnknownPodException(String message) {
        super(message);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
