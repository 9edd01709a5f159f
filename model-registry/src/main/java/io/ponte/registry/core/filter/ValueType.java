package io.ponte.registry.core.filter;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of value a custom property holds, each named after its field in the API's metadata value
 * ({@code {"metadataType": "MetadataIntValue", "int_value": "42"}}).
 */
public enum ValueType {
    STRING("string_value"),
    INT("int_value"),
    DOUBLE("double_value"),
    BOOL("bool_value");

    private final String field;

    ValueType(String field) {
        this.field = field;
    }

    /** The field of the metadata value that holds this type, and the accessor a query writes for it. */
    public String field() {
        return field;
    }

    static Optional<ValueType> ofField(String field) {
        return Arrays.stream(values()).filter(t -> t.field.equals(field)).findFirst();
    }
}
