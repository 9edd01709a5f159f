package io.ponte.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Optional;

/**
 * A JSON member that is present, with a value or with {@code null}. A record component of this
 * type has three states: the component is {@code null} when the member is absent, {@link
 * #ofNull()} when the member is an explicit {@code null}, and {@link #of(Object)} otherwise. Use it
 * only where the difference is part of the protocol, such as {@code usage} on OpenAI stream chunks.
 *
 * @param value the member's value; {@code null} for an explicit JSON {@code null}
 * @param <T> the value type
 */
@JsonSerialize(using = NullableValue.Serializer.class)
@JsonDeserialize(using = NullableValue.Deserializer.class)
public record NullableValue<T>(T value) {

    private static final NullableValue<?> NULL = new NullableValue<>(null);

    /** A member present with {@code value}; {@code null} gives {@link #ofNull()}. */
    public static <T> NullableValue<T> of(T value) {
        return value == null ? ofNull() : new NullableValue<>(value);
    }

    /** A member present as an explicit JSON {@code null}. */
    @SuppressWarnings("unchecked")
    public static <T> NullableValue<T> ofNull() {
        return (NullableValue<T>) NULL;
    }

    /** The value, empty for an explicit {@code null}. */
    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }

    /** Writes the value, or {@code null}. */
    static final class Serializer extends StdSerializer<NullableValue<?>> {
        Serializer() {
            super(NullableValue.class, false);
        }

        @Override
        public void serialize(NullableValue<?> nullable, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            provider.defaultSerializeValue(nullable.value(), gen);
        }
    }

    /** Reads the value with the deserializer of the declared type argument. */
    static final class Deserializer extends JsonDeserializer<NullableValue<?>> implements ContextualDeserializer {
        private final JsonDeserializer<?> valueDeserializer;

        Deserializer() {
            this(null);
        }

        private Deserializer(JsonDeserializer<?> valueDeserializer) {
            this.valueDeserializer = valueDeserializer;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JavaType wrapper = property != null ? property.getType() : ctxt.getContextualType();
            JavaType valueType = wrapper.containedTypeOrUnknown(0);
            return new Deserializer(ctxt.findContextualValueDeserializer(valueType, property));
        }

        @Override
        public NullableValue<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return of(valueDeserializer.deserialize(p, ctxt));
        }

        @Override
        public NullableValue<?> getNullValue(DeserializationContext ctxt) {
            return ofNull();
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return null;
        }
    }
}
