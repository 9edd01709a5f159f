package io.ponte.registry.core.filter;

/**
 * A well-formed {@code filterQuery} that compares a property with a value or operator its type does not allow, e.g.
 * {@code filterQuery: property 'id' is an integer, '"abc"' is not}.
 */
public final class FilterTypeException extends InvalidFilterException {

    /** @param problem what is wrong, naming the property; {@code filterQuery: } is put in front. */
    public FilterTypeException(String problem) {
        super("filterQuery: " + problem);
    }
}
