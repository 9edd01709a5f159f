package io.ponte.registry.core.filter;

/**
 * A {@code filterQuery} that does not follow the grammar, e.g. {@code filterQuery: unknown operator '==' at position
 * 6}. Positions count characters from 1.
 */
public final class FilterSyntaxException extends InvalidFilterException {

    private final int position;

    FilterSyntaxException(String problem, int position) {
        super("filterQuery: " + problem + " at position " + position);
        this.position = position;
    }

    /** The 1-based position of the character where the problem was found. */
    public int position() {
        return position;
    }
}
