package io.ponte.cli.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code key=value} pairs from the command line as the registry's {@code customProperties}: a value
 * that is a whole number becomes a {@code MetadataIntValue} (its {@code int_value} a string, as the
 * API wants), another number a {@code MetadataDoubleValue}, {@code true} or {@code false} (any case)
 * a {@code MetadataBoolValue}, anything else a {@code MetadataStringValue}.
 */
final class CustomProperties {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private CustomProperties() {}

    static Map<String, Object> of(Map<String, String> properties) {
        Map<String, Object> typed = new LinkedHashMap<>();
        properties.forEach((key, value) -> typed.put(key, value(value)));
        return typed;
    }

    static Map<String, Object> value(String text) {
        if (INTEGER.matcher(text).matches() && fitsInLong(text)) {
            return Map.of("metadataType", "MetadataIntValue", "int_value", text);
        }
        if (DECIMAL.matcher(text).matches() && Double.isFinite(Double.parseDouble(text))) {
            return Map.of("metadataType", "MetadataDoubleValue", "double_value", Double.parseDouble(text));
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Map.of("metadataType", "MetadataBoolValue", "bool_value", Boolean.parseBoolean(text));
        }
        return Map.of("metadataType", "MetadataStringValue", "string_value", text);
    }

    private static boolean fitsInLong(String text) {
        try {
            Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
