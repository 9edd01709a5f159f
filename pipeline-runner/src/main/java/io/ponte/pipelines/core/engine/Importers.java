package io.ponte.pipelines.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.core.placeholder.Placeholders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Importer metadata: placeholders in its keys and string values resolve against the task's inputs. */
final class Importers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Importers() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(JsonNode metadata, Map<String, Object> inputs) {
        if (metadata == null || !metadata.isObject()) {
            return Map.of();
        }
        Object resolved = resolve(JSON.convertValue(metadata, Object.class), inputs);
        return (Map<String, Object>) resolved;
    }

    private static Object resolve(Object v, Map<String, Object> inputs) {
        if (v instanceof String s) {
            return Placeholders.resolveConstant(s, inputs);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> resolve(x, inputs)).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(resolve(String.valueOf(k), inputs)), resolve(x, inputs)));
            return out;
        }
        return v;
    }
}
