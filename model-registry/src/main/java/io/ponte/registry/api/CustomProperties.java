package io.ponte.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.core.RegistryException;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks {@code customProperties} against the API's MetadataValue shapes and normalises them: ints travel as
 * strings ({@code "int_value": "42"}); a JSON number there is accepted and stored as its string.
 */
final class CustomProperties {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** As upstream Kubeflow; it also keeps every name within the index of the typed property table. */
    static final int MAX_NAME = 255;

    private CustomProperties() {}

    static ObjectNode check(JsonNode value) {
        if (!value.isObject()) {
            throw RegistryException.invalid("customProperties", "customProperties must be an object of typed values");
        }
        ObjectNode out = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().isEmpty() || e.getKey().length() > MAX_NAME) {
                throw RegistryException.invalid(
                        "customProperties",
                        "a custom property name has 1 to " + MAX_NAME + " characters; one has "
                                + e.getKey().length());
            }
            out.set(e.getKey(), one("customProperties." + e.getKey(), e.getValue()));
        }
        return out;
    }

    private static ObjectNode one(String path, JsonNode v) {
        if (!v.isObject() || !v.path("metadataType").isTextual()) {
            throw RegistryException.invalid(
                    path, path + " must be an object with a metadataType (MetadataStringValue, MetadataIntValue, ...)");
        }
        String type = v.get("metadataType").textValue();
        ObjectNode out = JSON.objectNode().put("metadataType", type);
        switch (type) {
            case "MetadataStringValue" -> out.put("string_value", string(path, v, "string_value"));
            case "MetadataStructValue" -> out.put("struct_value", string(path, v, "struct_value"));
            case "MetadataProtoValue" -> {
                out.put("type", string(path, v, "type"));
                out.put("proto_value", string(path, v, "proto_value"));
            }
            case "MetadataBoolValue" -> {
                JsonNode b = v.get("bool_value");
                if (b == null || !b.isBoolean()) {
                    throw RegistryException.invalid(path + ".bool_value", path + ".bool_value must be true or false");
                }
                out.put("bool_value", b.booleanValue());
            }
            case "MetadataDoubleValue" -> {
                JsonNode d = v.get("double_value");
                if (d == null || !d.isNumber()) {
                    throw RegistryException.invalid(path + ".double_value", path + ".double_value must be a number");
                }
                out.put("double_value", d.doubleValue());
            }
            case "MetadataIntValue" -> {
                JsonNode i = v.get("int_value");
                String raw =
                        i == null ? null : i.isIntegralNumber() ? i.asText() : i.isTextual() ? i.textValue() : null;
                try {
                    out.put("int_value", Long.toString(Long.parseLong(raw)));
                } catch (NumberFormatException e) {
                    throw RegistryException.invalid(
                            path + ".int_value", path + ".int_value must be a 64-bit integer, as a string");
                }
            }
            default ->
                throw RegistryException.invalid(
                        path + ".metadataType",
                        path + ".metadataType '" + type + "' is not one of MetadataStringValue, MetadataIntValue,"
                                + " MetadataDoubleValue, MetadataBoolValue, MetadataStructValue, MetadataProtoValue");
        }
        return out;
    }

    private static String string(String path, JsonNode v, String field) {
        JsonNode s = v.get(field);
        if (s == null || !s.isTextual()) {
            throw RegistryException.invalid(path + "." + field, path + "." + field + " must be a string");
        }
        return s.textValue();
    }
}
