package io.ponte.router.core;

/** A request the router refuses before routing it: a 4xx naming the parameter at fault. */
public final class InvalidRequestException extends RuntimeException {

    private final String param;

    public InvalidRequestException(String param, String message) {
        super(message, null, false, false);
        this.param = param;
    }

    /** The offending body field (JSON path), or null when the body as a whole is at fault. */
    public String param() {
        return param;
    }
}
