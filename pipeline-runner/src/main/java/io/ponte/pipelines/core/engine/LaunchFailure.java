package io.ponte.pipelines.core.engine;

/** Staging an attempt failed in a way retrying cannot fix (a placeholder that does not resolve). */
final class LaunchFailure extends Exception {
    LaunchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
