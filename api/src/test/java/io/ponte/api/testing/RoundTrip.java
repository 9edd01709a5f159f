package io.ponte.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a sample into a wire type, writes it back and compares the two JSON trees: same members,
 * same values, nothing added and nothing dropped. Member order does not matter; numbers compare by
 * value ({@code 1} equals {@code 1.0}), fractions at float32 precision, the precision embeddings
 * and FP32 tensors carry.
 */
public final class RoundTrip {

    private RoundTrip() {}

    /** Asserts that {@code samples/<path>} survives a round trip through {@code type}. */
    public static <T> T assertRoundTrips(String path, Class<T> type) {
        JsonNode original = Json.sample(path);
        T value;
        try {
            value = Json.MAPPER.treeToValue(original, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertSameJson(Json.written(value), original);
        return value;
    }

    /** Asserts that two trees are semantically equal, showing a readable diff when not. */
    public static void assertSameJson(JsonNode actual, JsonNode expected) {
        assertThat(canonical(actual).toPrettyString())
                .isEqualTo(canonical(expected).toPrettyString());
    }

    /** {@code node} with sorted members and numbers in one canonical form. */
    static JsonNode canonical(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isObject()) {
            ObjectNode sorted = nodes.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode items = nodes.arrayNode();
            node.forEach(item -> items.add(canonical(item)));
            return items;
        }
        if (node.isNumber()) {
            BigDecimal exact = node.decimalValue();
            if (exact.stripTrailingZeros().scale() <= 0) {
                return nodes.numberNode(exact.toBigIntegerExact());
            }
            return nodes.numberNode(new BigDecimal(Float.toString((float) node.doubleValue())));
        }
        return node;
    }
}
