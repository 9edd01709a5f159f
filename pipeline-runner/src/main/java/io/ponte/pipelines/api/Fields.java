package io.ponte.pipelines.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/** Typed reads of request fields; a field of the wrong type is a {@link BadRequest} naming it. */
final class Fields {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private Fields() {}

    static void requireObject(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            throw new BadRequest(name.startsWith("the ") ? null : name, name + " must be a JSON object");
        }
    }

    static Optional<String> optionalText(JsonNode parent, String name) {
        return optionalText(parent, name, name);
    }

    static Optional<String> optionalText(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new BadRequest(path, path + " must be a string");
        }
        return v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    static String requiredText(JsonNode parent, String name) {
        return optionalText(parent, name).orElseThrow(() -> new BadRequest(name, name + " is required"));
    }

    static Optional<Boolean> optionalBoolean(JsonNode parent, String name) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isBoolean()) {
            throw new BadRequest(name, name + " must be true or false");
        }
        return Optional.of(v.asBoolean());
    }

    /** A map of JSON values (parameters); absent is empty. */
    static Map<String, Object> values(JsonNode parent, String name, String path) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new BadRequest(path, path + " must be a JSON object of parameter values");
        }
        return RunJson.JSON.convertValue(v, MAP);
    }
}
