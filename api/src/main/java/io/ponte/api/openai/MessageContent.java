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
import java.util.stream.Collectors;

/**
 * The {@code content} of a chat message: a plain string or an array of content parts. It is written
 * back in the shape it was read.
 */
@JsonDeserialize(using = MessageContent.Deserializer.class)
public sealed interface MessageContent {

    /** Content given as a plain string. */
    static MessageContent of(String text) {
        return new Text(text);
    }

    /** Content given as an array of parts. */
    static MessageContent of(List<ContentPart> parts) {
        return new Parts(parts);
    }

    /**
     * The text of this content: the string itself, or the text parts joined by newlines (other parts
     * are skipped).
     */
    String asText();

    /**
     * Content that was a JSON string.
     *
     * @param text the string
     */
    record Text(@JsonValue String text) implements MessageContent {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /**
     * Content that was a JSON array of parts.
     *
     * @param parts the parts, in order
     */
    record Parts(@JsonValue List<ContentPart> parts) implements MessageContent {
        public Parts {
            Objects.requireNonNull(parts, "parts");
        }

        @Override
        public String asText() {
            return parts.stream()
                    .filter(part -> part != null && ContentPart.TEXT.equals(part.type()) && part.text() != null)
                    .map(ContentPart::text)
                    .collect(Collectors.joining("\n"));
        }
    }

    /** Reads a string as {@link Text} and an array as {@link Parts}. */
    final class Deserializer extends StdDeserializer<MessageContent> {
        Deserializer() {
            super(MessageContent.class);
        }

        @Override
        public MessageContent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return new Text(p.getText());
            }
            if (p.currentToken() == JsonToken.START_ARRAY) {
                JavaType listType = ctxt.getTypeFactory().constructCollectionType(List.class, ContentPart.class);
                return new Parts(ctxt.readValue(p, listType));
            }
            return (MessageContent) ctxt.handleUnexpectedToken(MessageContent.class, p);
        }
    }
}
