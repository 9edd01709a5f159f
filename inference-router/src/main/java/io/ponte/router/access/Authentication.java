package io.ponte.router.access;

import java.util.Objects;

/**
 * What {@link ApiKeyStore#authenticate(String)} found out about a caller.
 *
 * @param outcome how the caller was judged
 * @param key the caller's identity when {@link #granted()}; null otherwise
 */
public record Authentication(Outcome outcome, ApiKey key) {

    /** How a caller was judged. */
    public enum Outcome {
        /** No keys are configured: everyone is {@link ApiKey#ANONYMOUS}. */
        OPEN,
        /** A configured key was presented. */
        GRANTED,
        /** No {@code Authorization: Bearer <token>} header, or a malformed one: 401 {@code missing}. */
        MISSING,
        /** A well-formed bearer token that matches no configured key: 401 {@code invalid}. */
        INVALID
    }

    static final Authentication OPEN = new Authentication(Outcome.OPEN, ApiKey.ANONYMOUS);
    static final Authentication MISSING = new Authentication(Outcome.MISSING, null);
    static final Authentication INVALID = new Authentication(Outcome.INVALID, null);

    public Authentication {
        Objects.requireNonNull(outcome, "outcome");
        if ((key != null) != (outcome == Outcome.OPEN || outcome == Outcome.GRANTED)) {
            throw new IllegalArgumentException("a key comes with OPEN and GRANTED only");
        }
    }

    static Authentication granted(ApiKey key) {
        return new Authentication(Outcome.GRANTED, Objects.requireNonNull(key, "key"));
    }

    /** Whether the request may go on as {@link #key()}. */
    public boolean granted() {
        return key != null;
    }

    /** The 401 reason, {@code missing} or {@code invalid}; null when granted. */
    public String reason() {
        return switch (outcome) {
            case MISSING -> "missing";
            case INVALID -> "invalid";
            case OPEN, GRANTED -> null;
        };
    }
}
