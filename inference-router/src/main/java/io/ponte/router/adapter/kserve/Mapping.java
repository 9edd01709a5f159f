package io.ponte.router.adapter.kserve;

import io.ponte.router.core.BackendSpec;
import java.util.List;

/** What one InferenceService becomes: a backend to route to, or a reason not to route to it. */
sealed interface Mapping {

    /**
     * Route to {@code spec}.
     *
     * @param warnings annotation values that were ignored, to log once
     */
    record Route(BackendSpec spec, List<String> warnings) implements Mapping {
        public Route {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Do not route.
     *
     * @param reason why, for the log
     * @param warn whether the operator should fix something (WARN) or it is a normal state (DEBUG)
     */
    record Skip(String reason, boolean warn) implements Mapping {}
}
