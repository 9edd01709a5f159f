package io.ponte.pipelines.spi;

/**
 * An executor could not start, follow or stop an attempt. {@link #retriable()} says whether trying
 * again can help (an API server that did not answer) or not (an image that does not exist here).
 */
public class ExecutorException extends Exception {
    private final boolean retriable;

    public ExecutorException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    public ExecutorException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
