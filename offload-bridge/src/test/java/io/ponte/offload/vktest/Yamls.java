package io.ponte.offload.vktest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Strict accessors for parsed YAML, with messages that name the field at fault. */
final class Yamls {
    private Yamls() {}

    static Map<?, ?> mapping(Object value, String where) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(where + ": expected a mapping, got " + describe(value));
    }

    static List<?> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException(where + ": expected a list, got " + describe(value));
    }

    static void onlyKeys(Map<?, ?> map, String where, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(
                        where + ": unknown key '" + key + "' (allowed: " + List.of(allowed) + ")");
            }
        }
    }

    static String string(Map<?, ?> map, String key) {
        return optionalString(map, key)
                .orElseThrow(() -> new IllegalArgumentException("missing required key '" + key + "' in " + map));
    }

    /** A scalar as a string (the upstream schema accepts integers where it says string|int). */
    static Optional<String> optionalString(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException("'" + key + "' must be a scalar, got " + describe(value));
        }
        return Optional.of(String.valueOf(value));
    }

    static double number(Object value, String key) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("'" + key + "' must be a number, got " + describe(value));
    }

    static void oneOf(String value, Set<String> allowed, String where) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(where + ": '" + value + "' is not one of "
                    + allowed.stream().sorted().toList());
        }
    }

    private static String describe(Object value) {
        return value == null ? "nothing" : value.getClass().getSimpleName() + " " + value;
    }
}
