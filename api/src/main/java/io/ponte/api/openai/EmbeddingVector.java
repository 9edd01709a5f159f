package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The {@code embedding} of an {@link Embedding}: an array of floats, or, when the request asked for
 * {@code encoding_format: base64}, a base64 string of little-endian float32 values. It is written
 * back in the shape it was read.
 */
@JsonDeserialize(using = EmbeddingVector.Deserializer.class)
public sealed interface EmbeddingVector {

    /** A vector written as a float array. */
    static EmbeddingVector of(float[] values) {
        return new Floats(values);
    }

    /** The vector's values, decoding base64 if needed. */
    float[] toFloats();

    /**
     * A vector given as a JSON array of numbers.
     *
     * @param values the values; not copied
     */
    record Floats(@JsonValue float[] values) implements EmbeddingVector {
        public Floats {
            Objects.requireNonNull(values, "values");
        }

        @Override
        public float[] toFloats() {
            return values;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Floats that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Floats[" + values.length + " values]";
        }
    }

    /**
     * A vector given as base64 of little-endian float32 values.
     *
     * @param base64 the encoded vector
     */
    record Base64Floats(@JsonValue String base64) implements EmbeddingVector {
        public Base64Floats {
            Objects.requireNonNull(base64, "base64");
        }

        /** Encodes {@code values} the way OpenAI does for {@code encoding_format: base64}. */
        public static Base64Floats encode(float[] values) {
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            return new Base64Floats(Base64.getEncoder().encodeToString(bytes.array()));
        }

        @Override
        public float[] toFloats() {
            ByteBuffer bytes =
                    ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[bytes.remaining() / Float.BYTES];
            bytes.asFloatBuffer().get(values);
            return values;
        }
    }

    /** Reads an array as {@link Floats} and a string as {@link Base64Floats}. */
    final class Deserializer extends StdDeserializer<EmbeddingVector> {
        Deserializer() {
            super(EmbeddingVector.class);
        }

        @Override
        public EmbeddingVector deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new Base64Floats(p.getText());
            }
            if (p.currentToken() == JsonToken.START_ARRAY) {
                return new Floats(ctxt.readValue(p, float[].class));
            }
            return (EmbeddingVector) ctxt.handleUnexpectedToken(EmbeddingVector.class, p);
        }
    }
}
