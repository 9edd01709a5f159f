package io.ponte.offload.core;

/**
 * Why the bridge could not do what interLink asked. Every subclass carries a message a user can act
 * on: interLink copies it onto the pod. {@link #retriable()} says whether the same request may
 * succeed later.
 */
public abstract class OffloadException extends RuntimeException {

    protected OffloadException(String message) {
        super(message);
    }

    protected OffloadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying the same request again later can help. */
    public abstract boolean retriable();
}
