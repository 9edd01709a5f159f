package io.ponte.registry.core.filter;

/** The comparison in a condition; {@code !=} and {@code <>} both parse to {@link #NE}. */
public enum Operator {
    EQ,
    NE,
    GT,
    LT,
    GE,
    LE,
    /** SQL pattern match: {@code %} any run of characters, {@code _} one character, backslash escapes. */
    LIKE,
    /** {@link #LIKE} ignoring letter case. */
    ILIKE
}
