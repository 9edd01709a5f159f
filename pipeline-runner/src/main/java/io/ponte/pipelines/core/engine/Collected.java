package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.ArtifactRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an ended attempt produced, stored.
 *
 * @param parameters output parameter values (empty unless the attempt succeeded)
 * @param artifacts output artifacts, uploaded
 * @param logUri where the attempt's log was stored, when it was
 * @param error why the outputs could not be taken although the attempt succeeded
 */
record Collected(
        Map<String, Object> parameters,
        Map<String, List<ArtifactRef>> artifacts,
        Optional<String> logUri,
        Optional<String> error) {

    static Collected failed(Optional<String> logUri, String error) {
        return new Collected(Map.of(), Map.of(), logUri, Optional.of(error));
    }
}
