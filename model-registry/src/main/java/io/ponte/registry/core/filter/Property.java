package io.ponte.registry.core.filter;

import java.util.Objects;
import java.util.Optional;

/**
 * The left side of a condition: a property name and, when the query wrote one, the typed accessor that says which
 * field of a custom property's value to compare ({@code framework.string_value} is {@code framework} with accessor
 * {@link ValueType#STRING}).
 */
public record Property(String name, Optional<ValueType> accessor) {

    public Property {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessor, "accessor");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a property name cannot be empty");
        }
    }

    /** A property without a typed accessor. */
    public static Property named(String name) {
        return new Property(name, Optional.empty());
    }

    /** A property read through a typed accessor. */
    public static Property typed(String name, ValueType accessor) {
        return new Property(name, Optional.of(accessor));
    }
}
