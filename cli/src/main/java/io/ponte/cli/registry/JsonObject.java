package io.ponte.cli.registry;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JSON object as the registry sent it, with the look-ups the commands need. */
public record JsonObject(Map<String, Object> fields) {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    public JsonObject {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** {@code text} when it is a JSON object; {@link IllegalArgumentException} otherwise. */
    public static JsonObject parse(String text) {
        if (Json.parse(text) instanceof Map<?, ?> map) {
            return of(map);
        }
        throw new IllegalArgumentException("expected a JSON object");
    }

    /**
     * A member that is a string, number or boolean, as text; numbers as written ({@code "1700000000000"}
     * and {@code 1700000000000} read the same). Absent for a missing, null, object or array member.
     */
    public Optional<String> text(String name) {
        return switch (fields.get(name)) {
            case String s -> Optional.of(s);
            case BigDecimal n -> Optional.of(n.toPlainString());
            case Number n -> Optional.of(n.toString());
            case Boolean b -> Optional.of(b.toString());
            case null, default -> Optional.empty();
        };
    }

    /** {@link #text} or {@code otherwise}. */
    public String text(String name, String otherwise) {
        return text(name).orElse(otherwise);
    }

    /** A member that is an object. */
    public Optional<JsonObject> object(String name) {
        return fields.get(name) instanceof Map<?, ?> map ? Optional.of(of(map)) : Optional.empty();
    }

    /** The objects in an array member; empty when there is no such array. */
    public List<JsonObject> objects(String name) {
        if (!(fields.get(name) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .filter(Map.class::isInstance)
                .map(m -> of((Map<?, ?>) m))
                .toList();
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    private static JsonObject of(Map<?, ?> map) {
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        return new JsonObject(fields);
    }
}
