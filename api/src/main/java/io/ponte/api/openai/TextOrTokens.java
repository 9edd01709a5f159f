package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A completions {@code prompt} or an embeddings {@code input}: a string, an array of strings, an
 * array of token ids, or an array of token-id arrays. It is written back in the shape it was read.
 */
@JsonDeserialize(using = TextOrTokens.Deserializer.class)
public sealed interface TextOrTokens {

    /** One text, written as a string. */
    static TextOrTokens of(String text) {
        return new Text(text);
    }

    /** Several texts, written as an array of strings. */
    static TextOrTokens of(List<String> texts) {
        return new Texts(texts);
    }

    /** The texts, whatever the shape; empty when the input is given as token ids. */
    List<String> asTexts();

    /** How many inputs this stands for: one per string or token array. */
    int size();

    /**
     * A single string.
     *
     * @param text the string
     */
    record Text(@JsonValue String text) implements TextOrTokens {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public List<String> asTexts() {
            return List.of(text);
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /**
     * An array of strings.
     *
     * @param texts the strings
     */
    record Texts(@JsonValue List<String> texts) implements TextOrTokens {
        public Texts {
            Objects.requireNonNull(texts, "texts");
        }

        @Override
        public List<String> asTexts() {
            return texts;
        }

        @Override
        public int size() {
            return texts.size();
        }
    }

    /**
     * One input given as token ids.
     *
     * @param tokens the token ids
     */
    record Tokens(@JsonValue List<Integer> tokens) implements TextOrTokens {
        public Tokens {
            Objects.requireNonNull(tokens, "tokens");
        }

        @Override
        public List<String> asTexts() {
            return List.of();
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /**
     * Several inputs given as token ids.
     *
     * @param batches one array of token ids per input
     */
    record TokenBatches(@JsonValue List<List<Integer>> batches) implements TextOrTokens {
        public TokenBatches {
            Objects.requireNonNull(batches, "batches");
        }

        @Override
        public List<String> asTexts() {
            return List.of();
        }

        @Override
        public int size() {
            return batches.size();
        }
    }

    /** Picks the variant from the JSON shape; an empty array reads as {@link Texts}. */
    final class Deserializer extends StdDeserializer<TextOrTokens> {
        Deserializer() {
            super(TextOrTokens.class);
        }

        @Override
        public TextOrTokens deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = ctxt.readTree(p);
            if (node.isTextual()) {
                return new Text(node.textValue());
            }
            if (!node.isArray()) {
                return ctxt.reportInputMismatch(
                        TextOrTokens.class, "expected a string or an array, got %s", node.getNodeType());
            }
            TypeFactory types = ctxt.getTypeFactory();
            JavaType ints = types.constructCollectionType(List.class, Integer.class);
            JsonNode first = node.isEmpty() ? null : node.get(0);
            if (first == null || first.isTextual()) {
                return new Texts(ctxt.readTreeAsValue(node, types.constructCollectionType(List.class, String.class)));
            }
            if (first.isArray()) {
                return new TokenBatches(ctxt.readTreeAsValue(node, types.constructCollectionType(List.class, ints)));
            }
            return new Tokens(ctxt.readTreeAsValue(node, ints));
        }
    }
}
