package io.ponte.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ponte.registry.core.Field;
import io.ponte.registry.core.RegistryException;

/** Checks one typed property's JSON value against its declared type and returns it as stored. */
final class FieldValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FieldValues() {}

    static JsonNode check(Field f, JsonNode v) {
        String key = f.name();
        return switch (f.type()) {
            case STRING -> JSON.textNode(EntityJson.text(key, v));
            case ENUM -> {
                String s = EntityJson.text(key, v);
                if (!f.values().contains(s)) {
                    throw RegistryException.invalid(
                            key, "field '" + key + "' must be one of " + f.values() + ", not '" + s + "'");
                }
                yield JSON.textNode(s);
            }
            case INT64_STRING -> {
                String s = v.isIntegralNumber() ? v.asText() : EntityJson.text(key, v);
                try {
                    Long.parseLong(s);
                } catch (NumberFormatException e) {
                    throw RegistryException.invalid(
                            key, "field '" + key + "' must be a 64-bit integer in a string, not '" + s + "'");
                }
                yield JSON.textNode(s);
            }
            case NUMBER -> {
                if (!v.isNumber()) {
                    throw RegistryException.invalid(key, "field '" + key + "' must be a number");
                }
                yield v;
            }
            case INTEGER -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw RegistryException.invalid(key, "field '" + key + "' must be an integer");
                }
                yield v;
            }
            case STRING_LIST -> {
                if (!v.isArray()) {
                    throw RegistryException.invalid(key, "field '" + key + "' must be an array of strings");
                }
                v.forEach(item -> {
                    if (!item.isTextual()) {
                        throw RegistryException.invalid(key, "field '" + key + "' must be an array of strings");
                    }
                });
                yield v;
            }
        };
    }
}
