package io.ponte.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON members a wire type does not model. Records keep them in a component annotated with
 * {@code @JsonAnySetter @JsonAnyGetter}, so that a proxy that reads and re-writes a message passes
 * vendor extensions and newer spec fields through unchanged.
 */
public final class Extras {

    private Extras() {}

    /**
     * An unmodifiable copy of {@code extra} that keeps its order; {@code null} gives an empty map.
     *
     * @param extra the unmodelled members, as Jackson collected them
     * @return a map safe to keep in a record
     */
    public static Map<String, JsonNode> copyOf(Map<String, JsonNode> extra) {
        if (extra == null || extra.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }
}
