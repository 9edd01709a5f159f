package io.ponte.cli.pipelines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -p name=value} options as run parameters: a value that is JSON ({@code 0.1}, {@code true},
 * {@code [1,2]}, {@code {"a":1}}, {@code "3"}) is that JSON value, anything else is the text as a
 * string, so {@code -p who=world} needs no quotes.
 */
public final class Parameters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Parameters() {}

    /** @throws IllegalArgumentException naming the option that has no {@code =} or an empty name */
    public static Map<String, Object> parse(List<String> options) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a parameter is NAME=VALUE, not '" + option + "'");
            }
            parameters.put(option.substring(0, eq).strip(), value(option.substring(eq + 1)));
        }
        return parameters;
    }

    static Object value(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return text;
        }
        try {
            Object parsed = JSON.readValue(trimmed, Object.class);
            return parsed == null ? text : parsed;
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
