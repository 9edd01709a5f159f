package io.ponte.pipelines.core;

import java.util.Optional;

/**
 * A request about a pipeline or a run cannot be served. {@link #kind()} decides the HTTP status;
 * {@link #irPath()} names the part of the IR at fault, e.g. {@code
 * root.dag.tasks.train.inputs.parameters.lr}.
 */
public class PipelineException extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** The IR or the request is malformed or inconsistent (400). */
        INVALID,
        /** No such run or task (404). */
        NOT_FOUND,
        /** The run is in a state that does not allow this (409). */
        CONFLICT,
        /** A store or executor is unavailable; retrying later can help (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String irPath;

    public PipelineException(Kind kind, String irPath, String message) {
        super(message);
        this.kind = kind;
        this.irPath = irPath;
    }

    public PipelineException(Kind kind, String irPath, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.irPath = irPath;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> irPath() {
        return Optional.ofNullable(irPath);
    }
}
