package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The {@code stop} member ({@code StopConfiguration}): one stop sequence as a string, or up to four
 * as an array. It is written back in the shape it was read.
 */
@JsonDeserialize(using = Stop.Deserializer.class)
public sealed interface Stop {

    /** One stop sequence, written as a string. */
    static Stop of(String sequence) {
        return new Single(sequence);
    }

    /** Several stop sequences, written as an array. */
    static Stop of(List<String> sequences) {
        return new Multiple(sequences);
    }

    /** The stop sequences, whatever the shape. */
    List<String> sequences();

    /**
     * A stop sequence given as a string.
     *
     * @param sequence the sequence
     */
    record Single(@JsonValue String sequence) implements Stop {
        public Single {
            Objects.requireNonNull(sequence, "sequence");
        }

        @Override
        public List<String> sequences() {
            return List.of(sequence);
        }
    }

    /**
     * Stop sequences given as an array.
     *
     * @param sequences the sequences
     */
    record Multiple(@JsonValue List<String> sequences) implements Stop {
        public Multiple {
            Objects.requireNonNull(sequences, "sequences");
        }
    }

    /** Reads a string as {@link Single} and an array as {@link Multiple}. */
    final class Deserializer extends StdDeserializer<Stop> {
        Deserializer() {
            super(Stop.class);
        }

        @Override
        public Stop deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new Single(p.getText());
            }
            if (p.currentToken() == JsonToken.START_ARRAY) {
                JavaType listType = ctxt.getTypeFactory().constructCollectionType(List.class, String.class);
                return new Multiple(ctxt.readValue(p, listType));
            }
            return (Stop) ctxt.handleUnexpectedToken(Stop.class, p);
        }
    }
}
