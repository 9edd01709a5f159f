package io.ponte.pipelines.core.cel;

/** A condition cannot be parsed or evaluated. */
public class CelException extends RuntimeException {
    public CelException(String message) {
        super(message);
    }
}
