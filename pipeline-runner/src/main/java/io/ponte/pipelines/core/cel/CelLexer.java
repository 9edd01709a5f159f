package io.ponte.pipelines.core.cel;

import java.util.ArrayList;
import java.util.List;

/** Splits a CEL expression into tokens. */
final class CelLexer {

    enum Type {
        IDENT,
        STRING,
        INT,
        DOUBLE,
        OP,
        END
    }

    record Token(Type type, String text, int position) {}

    private static final String[] OPERATORS = {
        "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ".", ",", "+", "-", "*", "/", "%", "?",
        ":", "{", "}"
    };

    private CelLexer() {}

    static List<Token> tokens(String src) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                i = string(src, i, out);
            } else if (Character.isDigit(c)) {
                int start = i;
                boolean dbl = false;
                while (i < src.length()
                        && (Character.isDigit(src.charAt(i))
                                || src.charAt(i) == '.'
                                || src.charAt(i) == 'e'
                                || src.charAt(i) == 'E')) {
                    dbl |= !Character.isDigit(src.charAt(i));
                    i++;
                }
                if (i < src.length() && (src.charAt(i) == 'u' || src.charAt(i) == 'U')) {
                    out.add(new Token(Type.INT, src.substring(start, i), start));
                    i++;
                } else {
                    out.add(new Token(dbl ? Type.DOUBLE : Type.INT, src.substring(start, i), start));
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(Type.IDENT, src.substring(start, i), start));
            } else {
                String op = null;
                for (String o : OPERATORS) {
                    if (src.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) {
                    throw new CelException("unexpected character '" + c + "' at position " + i);
                }
                out.add(new Token(Type.OP, op, i));
                i += op.length();
            }
        }
        out.add(new Token(Type.END, "", src.length()));
        return out;
    }

    private static int string(String src, int start, List<Token> out) {
        char quote = src.charAt(start);
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (i < src.length() && src.charAt(i) != quote) {
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < src.length()) {
                char n = src.charAt(++i);
                sb.append(
                        switch (n) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> n;
                        });
            } else {
                sb.append(c);
            }
            i++;
        }
        if (i >= src.length()) {
            throw new CelException("unterminated string starting at position " + start);
        }
        out.add(new Token(Type.STRING, sb.toString(), start));
        return i + 1;
    }
}
