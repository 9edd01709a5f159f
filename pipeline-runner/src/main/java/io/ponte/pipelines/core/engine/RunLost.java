package io.ponte.pipelines.core.engine;

/**
 * Another runner took the run over (this runner's claim ended, e.g. after a long pause): the
 * execution here stops at once, leaving its attempts to the new holder. Unwinds the current event.
 */
final class RunLost extends RuntimeException {
    RunLost(String message) {
        super(message, null, false, false);
    }
}
