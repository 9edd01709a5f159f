package io.ponte.registry.core;

/**
 * Everything the registry refuses. {@link #retriable()} says whether sending the same request again can help;
 * {@link #field()} names the request field at fault when one is.
 */
public abstract sealed class RegistryException extends RuntimeException
        permits RegistryException.NotFound,
                RegistryException.Conflict,
                RegistryException.Invalid,
                RegistryException.StaleRevision,
                RegistryException.Unavailable {

    private final String field;

    RegistryException(String field, String message, Throwable cause) {
        super(message, cause, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public abstract boolean retriable();

    public static NotFound notFound(String what) {
        return new NotFound(what);
    }

    public static Invalid invalid(String field, String message) {
        return new Invalid(field, message);
    }

    /** The entity, or the thing it points at, does not exist. */
    public static final class NotFound extends RegistryException {
        NotFound(String message) {
            super(null, message, null);
        }

        @Override
        public boolean retriable() {
            return false;
        }
    }

    /** A name or external id already taken, or an operation that clashes with the entity's state. */
    public static final class Conflict extends RegistryException {
        public Conflict(String field, String message) {
            super(field, message, null);
        }

        @Override
        public boolean retriable() {
            return false;
        }
    }

    /** The request itself is wrong: a missing, unknown or mistyped field, a bad filter or page token. */
    public static final class Invalid extends RegistryException {
        Invalid(String field, String message) {
            super(field, message, null);
        }

        @Override
        public boolean retriable() {
            return false;
        }
    }

    /** The caller's copy is out of date (If-Match did not match): read again, then retry. */
    public static final class StaleRevision extends RegistryException {
        public StaleRevision(String message) {
            super(null, message, null);
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }

    /** A dependency (database, Kubernetes API) did not answer. */
    public static final class Unavailable extends RegistryException {
        public Unavailable(String message, Throwable cause) {
            super(null, message, cause);
        }

        @Override
        public boolean retriable() {
            return true;
        }
    }
}
