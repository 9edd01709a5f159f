package io.ponte.registry.api;

import io.ponte.registry.core.RegistryException;
import io.ponte.registry.core.filter.Filter;
import io.ponte.registry.core.filter.FilterParser;
import io.ponte.registry.core.filter.InvalidFilterException;
import java.util.Optional;

/** Parses the {@code filterQuery} parameter; a syntax error is a 400 naming the parameter and the position. */
final class FilterQueries {

    private FilterQueries() {}

    static Optional<Filter> parse(String query) {
        try {
            return FilterParser.parse(query);
        } catch (InvalidFilterException e) {
            throw RegistryException.invalid("filterQuery", e.getMessage());
        }
    }
}
