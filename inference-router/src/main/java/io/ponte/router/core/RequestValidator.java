package io.ponte.router.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/**
 * Checks an OpenAI request body before it is routed: well-formed JSON, the fields the router relies
 * on present, and the common fields of the right JSON type. Everything else is the backend's to
 * judge and is forwarded untouched.
 */
public final class RequestValidator {

    private enum Kind {
        STRING,
        BOOLEAN,
        INTEGER,
        NUMBER,
        OBJECT,
        ARRAY,
        STRING_OR_ARRAY
    }

    private static final Map<String, Kind> COMMON_FIELDS = Map.ofEntries(
            Map.entry("stream", Kind.BOOLEAN),
            Map.entry("stream_options", Kind.OBJECT),
            Map.entry("max_tokens", Kind.INTEGER),
            Map.entry("max_completion_tokens", Kind.INTEGER),
            Map.entry("n", Kind.INTEGER),
            Map.entry("seed", Kind.INTEGER),
            Map.entry("temperature", Kind.NUMBER),
            Map.entry("top_p", Kind.NUMBER),
            Map.entry("presence_penalty", Kind.NUMBER),
            Map.entry("frequency_penalty", Kind.NUMBER),
            Map.entry("user", Kind.STRING),
            Map.entry("stop", Kind.STRING_OR_ARRAY),
            Map.entry("tools", Kind.ARRAY),
            Map.entry("logit_bias", Kind.OBJECT),
            Map.entry("dimensions", Kind.INTEGER),
            Map.entry("encoding_format", Kind.STRING));

    private final ObjectMapper mapper;
    private final boolean injectStreamUsage;

    public RequestValidator(ObjectMapper mapper, boolean injectStreamUsage) {
        this.mapper = mapper;
        this.injectStreamUsage = injectStreamUsage;
    }

    /**
     * @throws InvalidRequestException naming the field at fault
     */
    public ProxyRequest validate(Endpoint endpoint, byte[] body) {
        ObjectNode root = parseObject(body);
        String model = requireString(root, "model");
        checkRequired(endpoint, root);
        COMMON_FIELDS.forEach((field, kind) -> checkType(root, field, kind));
        if (endpoint == Endpoint.CHAT) {
            checkMessages(root.get("messages"));
        }
        boolean stream = root.path("stream").asBoolean(false);
        if (stream && !endpoint.streamable()) {
            throw new InvalidRequestException("stream", "'stream' is not supported for " + endpoint.path());
        }
        JsonNode options = root.get("stream_options");
        if (options != null && !options.isNull()) {
            checkType((ObjectNode) options, "include_usage", Kind.BOOLEAN, "stream_options.");
        }
        boolean clientWantsUsage =
                options != null && options.path("include_usage").asBoolean(false);
        byte[] upstream = body;
        if (stream && injectStreamUsage && !clientWantsUsage) {
            root.putObject("stream_options").put("include_usage", true);
            upstream = serialize(root);
        }
        return new ProxyRequest(endpoint, model, stream, clientWantsUsage, upstream);
    }

    private ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(
                    null,
                    "The request body is not valid JSON: " + e.getOriginalMessage() + " (line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new InvalidRequestException(null, "The request body could not be read as JSON.");
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidRequestException(null, "The request body is empty; a JSON object is required.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidRequestException(
                    null, "The request body must be a JSON object, not " + describe(node) + ".");
        }
        return object;
    }

    private static String requireString(ObjectNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidRequestException(field, "Missing required parameter: '" + field + "'.");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidRequestException(
                    field,
                    "Invalid type for '" + field + "': expected a non-empty string, got " + describe(node) + ".");
        }
        return node.asText();
    }

    private static void checkRequired(Endpoint endpoint, ObjectNode root) {
        String field = endpoint.requiredField();
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidRequestException(field, "Missing required parameter: '" + field + "'.");
        }
        Kind kind = endpoint == Endpoint.CHAT ? Kind.ARRAY : Kind.STRING_OR_ARRAY;
        checkType(root, field, kind);
    }

    private static void checkMessages(JsonNode messages) {
        if (messages.isEmpty()) {
            throw new InvalidRequestException("messages", "'messages' must contain at least one message.");
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            String path = "messages[" + i + "]";
            if (!message.isObject()) {
                throw new InvalidRequestException(
                        path, "Invalid type for '" + path + "': expected an object, got " + describe(message) + ".");
            }
            JsonNode role = message.get("role");
            if (role == null || !role.isTextual()) {
                throw new InvalidRequestException(
                        path + ".role", "Missing or invalid '" + path + ".role': expected a string.");
            }
        }
    }

    private static void checkType(ObjectNode root, String field, Kind kind) {
        checkType(root, field, kind, "");
    }

    private static void checkType(ObjectNode root, String field, Kind kind, String prefix) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull() || matches(node, kind)) {
            return;
        }
        String name = prefix + field;
        throw new InvalidRequestException(
                name, "Invalid type for '" + name + "': expected " + expected(kind) + ", got " + describe(node) + ".");
    }

    private static boolean matches(JsonNode node, Kind kind) {
        return switch (kind) {
            case STRING -> node.isTextual();
            case BOOLEAN -> node.isBoolean();
            case INTEGER ->
                node.isIntegralNumber() || (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()));
            case NUMBER -> node.isNumber();
            case OBJECT -> node.isObject();
            case ARRAY -> node.isArray();
            case STRING_OR_ARRAY -> node.isTextual() || node.isArray();
        };
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING_OR_ARRAY -> "a string or an array";
        };
    }

    private static String describe(JsonNode node) {
        JsonNodeType type = node.getNodeType();
        return switch (type) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL -> "null";
            default -> type.name().toLowerCase();
        };
    }

    private byte[] serialize(ObjectNode root) {
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("re-serialising a parsed request failed", e);
        }
    }
}
