package io.ponte.rag.core;

/** What the rag service refuses, with the request field at fault when one is. */
public class RagException extends RuntimeException {

    /** Why, which decides the HTTP status at the edge. */
    public enum Reason {
        INVALID,
        NOT_FOUND,
        FORBIDDEN_PATH,
        UNSUPPORTED,
        CONFLICT
    }

    private final Reason reason;
    private final String field;

    public RagException(Reason reason, String field, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public static RagException invalid(String field, String message) {
        return new RagException(Reason.INVALID, field, message);
    }

    public static RagException notFound(String field, String message) {
        return new RagException(Reason.NOT_FOUND, field, message);
    }
}
