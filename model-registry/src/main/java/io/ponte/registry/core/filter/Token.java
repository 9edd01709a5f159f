package io.ponte.registry.core.filter;

/**
 * One token of a {@code filterQuery}.
 *
 * @param value the decoded text: a string without quotes and escapes, a name without backticks
 * @param source the characters as written, for messages
 * @param position 1-based position of the first character
 */
record Token(Kind kind, String value, String source, int position) {

    enum Kind {
        NAME,
        QUOTED_NAME,
        DOT,
        STRING,
        INTEGER,
        DECIMAL,
        OPERATOR,
        LEFT_PAREN,
        RIGHT_PAREN,
        COMMA,
        AND,
        OR,
        IN,
        LIKE,
        ILIKE,
        TRUE,
        FALSE,
        END
    }

    /** How a message names this token. */
    String shown() {
        return kind == Kind.END ? "the end of the query" : "'" + source + "'";
    }
}
