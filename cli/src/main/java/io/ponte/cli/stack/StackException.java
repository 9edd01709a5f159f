package io.ponte.cli.stack;

/**
 * A failure the user can act on; its message is printed as is, without a stack trace.
 *
 * <p>{@link #exitCode()} is 1 when the stack could not do what was asked (port taken, service not
 * healthy, build failed) and 2 when the command line itself was wrong (unknown service).
 */
public final class StackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private StackException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The stack could not do what was asked. */
    public static StackException failed(String message) {
        return new StackException(message, 1);
    }

    /** The command line asked for something that does not exist. */
    public static StackException usage(String message) {
        return new StackException(message, 2);
    }

    public int exitCode() {
        return exitCode;
    }
}
