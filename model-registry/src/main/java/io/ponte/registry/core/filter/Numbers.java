package io.ponte.registry.core.filter;

/** Reads number tokens, refusing those that do not fit a {@code long} or a finite {@code double}. */
final class Numbers {

    private Numbers() {}

    static long integer(Token token) {
        try {
            return Long.parseLong(token.value());
        } catch (NumberFormatException e) {
            throw outOfRange(token);
        }
    }

    static double decimal(Token token) {
        double value = Double.parseDouble(token.value());
        if (Double.isInfinite(value)) {
            throw outOfRange(token);
        }
        return value;
    }

    private static FilterSyntaxException outOfRange(Token token) {
        return new FilterSyntaxException("number " + token.shown() + " is out of range", token.position());
    }
}
