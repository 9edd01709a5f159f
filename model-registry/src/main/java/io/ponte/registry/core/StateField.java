package io.ponte.registry.core;

import java.util.List;
import java.util.Optional;

/**
 * The one enum property of a kind that lives in the {@code state} column ({@code state}, {@code desiredState}
 * or {@code lastKnownState}), so that lists can filter on it cheaply.
 *
 * @param name the JSON field name
 * @param values the allowed values
 * @param initial the value a new entity gets when the request leaves it out
 */
public record StateField(String name, List<String> values, Optional<String> initial) {

    static StateField of(String name, String initial, String... values) {
        return new StateField(name, List.of(values), Optional.ofNullable(initial));
    }
}
