package io.ponte.registry.core.filter;

import io.ponte.registry.core.filter.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a {@code filterQuery} into tokens; the list always ends with an {@link Kind#END} token. */
final class FilterLexer {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<>", ">", "<", ">=", "<=");

    private final String in;
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    private FilterLexer(String in) {
        this.in = in;
    }

    static List<Token> tokens(String query) {
        return new FilterLexer(query).run();
    }

    private List<Token> run() {
        while (true) {
            while (at < in.length() && Character.isWhitespace(in.charAt(at))) {
                at++;
            }
            if (at == in.length()) {
                tokens.add(new Token(Kind.END, "", "", at + 1));
                return tokens;
            }
            char c = in.charAt(at);
            switch (c) {
                case '(' -> single(Kind.LEFT_PAREN);
                case ')' -> single(Kind.RIGHT_PAREN);
                case ',' -> single(Kind.COMMA);
                case '.' -> single(Kind.DOT);
                case '"', '\'' -> quoted(Kind.STRING, "string");
                case '`' -> quoted(Kind.QUOTED_NAME, "quoted name");
                case '=', '!', '<', '>' -> operator();
                default -> {
                    if (isDigit(c) || (c == '-' && at + 1 < in.length() && isDigit(in.charAt(at + 1)))) {
                        number();
                    } else if (Character.isLetter(c) || c == '_') {
                        name();
                    } else {
                        throw new FilterSyntaxException("unexpected character '" + c + "'", at + 1);
                    }
                }
            }
        }
    }

    private void single(Kind kind) {
        add(kind, String.valueOf(in.charAt(at)), at++);
    }

    /** A string or backticked name; a backslash escapes the closing quote or a backslash, else it stays as is. */
    private void quoted(Kind kind, String what) {
        int start = at;
        char quote = in.charAt(at++);
        StringBuilder value = new StringBuilder();
        while (at < in.length()) {
            char c = in.charAt(at++);
            if (c == quote) {
                if (kind == Kind.QUOTED_NAME && value.isEmpty()) {
                    throw new FilterSyntaxException("empty quoted name", start + 1);
                }
                tokens.add(new Token(kind, value.toString(), in.substring(start, at), start + 1));
                return;
            }
            if (c == '\\' && at < in.length() && (in.charAt(at) == quote || in.charAt(at) == '\\')) {
                c = in.charAt(at++);
            }
            value.append(c);
        }
        throw new FilterSyntaxException("unterminated " + what + " starting", start + 1);
    }

    private void operator() {
        int start = at;
        while (at < in.length() && "=!<>".indexOf(in.charAt(at)) >= 0) {
            at++;
        }
        String op = in.substring(start, at);
        if (!OPERATORS.contains(op)) {
            throw new FilterSyntaxException("unknown operator '" + op + "'", start + 1);
        }
        add(Kind.OPERATOR, op, start);
    }

    /** {@code 42}, {@code -3}, {@code 3.14}, {@code 1e-5}: a fraction or an exponent makes it a decimal. */
    private void number() {
        int start = at;
        if (in.charAt(at) == '-') {
            at++;
        }
        digits();
        boolean decimal = false;
        if (at + 1 < in.length() && in.charAt(at) == '.' && isDigit(in.charAt(at + 1))) {
            at++;
            digits();
            decimal = true;
        }
        if (at < in.length() && (in.charAt(at) == 'e' || in.charAt(at) == 'E')) {
            int mark = at++;
            if (at < in.length() && (in.charAt(at) == '+' || in.charAt(at) == '-')) {
                at++;
            }
            if (at < in.length() && isDigit(in.charAt(at))) {
                digits();
                decimal = true;
            } else {
                at = mark;
            }
        }
        add(decimal ? Kind.DECIMAL : Kind.INTEGER, in.substring(start, at), start);
    }

    /** A name, its dotted segments included ({@code mlflow.source.type}), or a keyword. */
    private void name() {
        int start = at;
        segment();
        while (at + 1 < in.length() && in.charAt(at) == '.' && isNameChar(in.charAt(at + 1))) {
            at++;
            segment();
        }
        String text = in.substring(start, at);
        Kind kind = switch (text.toUpperCase(Locale.ROOT)) {
            case "AND" -> Kind.AND;
            case "OR" -> Kind.OR;
            case "IN" -> Kind.IN;
            case "LIKE" -> Kind.LIKE;
            case "ILIKE" -> Kind.ILIKE;
            case "TRUE" -> Kind.TRUE;
            case "FALSE" -> Kind.FALSE;
            default -> Kind.NAME;
        };
        add(kind, text, start);
    }

    private void segment() {
        while (at < in.length() && isNameChar(in.charAt(at))) {
            at++;
        }
    }

    private void digits() {
        while (at < in.length() && isDigit(in.charAt(at))) {
            at++;
        }
    }

    private void add(Kind kind, String text, int start) {
        tokens.add(new Token(kind, text, text, start + 1));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
