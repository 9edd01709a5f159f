package io.ponte.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** JSON text in and out, and the pieces of a request's path. */
public final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    /** {@code text} when it is one JSON object; {@link IllegalArgumentException} saying why not otherwise. */
    public static ObjectNode object(String text) {
        try {
            if (MAPPER.readTree(text) instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        throw new IllegalArgumentException("expected a JSON object");
    }

    /** {@code text} when it is one JSON object, else empty. */
    public static Optional<ObjectNode> maybeObject(String text) {
        try {
            return Optional.of(object(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code value} encoded for use as one path segment. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ?k=v&...} of the given parameters in order, or "" when there are none. */
    public static String query(Map<String, String> parameters) {
        return parameters.isEmpty()
                ? ""
                : parameters.entrySet().stream()
                        .map(e -> segment(e.getKey()) + "=" + segment(e.getValue()))
                        .collect(Collectors.joining("&", "?", ""));
    }
}
