package io.ponte.registry.core;

import java.util.List;

/**
 * A typed property of an entity kind, kept in the entity's {@code props}.
 *
 * @param name the JSON field name
 * @param type how it travels
 * @param values the allowed values of an {@link FieldType#ENUM}, empty otherwise
 * @param updatable whether a PATCH may change it (the API's *Update schema lists it)
 * @param required whether a create must give it
 */
public record Field(String name, FieldType type, List<String> values, boolean updatable, boolean required) {

    static Field text(String name) {
        return new Field(name, FieldType.STRING, List.of(), true, false);
    }

    static Field of(String name, FieldType type) {
        return new Field(name, type, List.of(), true, false);
    }

    static Field oneOf(String name, String... values) {
        return new Field(name, FieldType.ENUM, List.of(values), true, false);
    }

    Field createOnly() {
        return new Field(name, type, values, false, required);
    }

    Field mandatory() {
        return new Field(name, type, values, updatable, true);
    }
}
