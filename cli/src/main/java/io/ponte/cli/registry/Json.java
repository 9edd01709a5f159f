package io.ponte.cli.registry;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON text to and from plain Java values: objects are {@code Map<String, Object>} (in document
 * order), arrays {@code List<Object>}, numbers {@link BigDecimal}, then {@code String},
 * {@code Boolean} and {@code null}. Enough for the registry's bodies, without a dependency.
 */
public final class Json {
    private Json() {}

    /** The value {@code text} holds; {@link IllegalArgumentException} saying where it is not JSON. */
    public static Object parse(String text) {
        return new JsonReader(text).document();
    }

    /** {@code value} on one line. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, -1);
        return out.toString();
    }

    /** {@code value} indented by two spaces a level, for people. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        switch (value) {
            case null -> out.append("null");
            case JsonObject object -> write(object.fields(), out, depth);
            case Map<?, ?> map -> container(map.entrySet(), '{', '}', out, depth);
            case Collection<?> list -> container(list, '[', ']', out, depth);
            case String s -> string(s, out);
            case Boolean b -> out.append(b);
            case Double d when !Double.isFinite(d) -> throw new IllegalArgumentException("not a JSON number: " + d);
            case Float f when !Float.isFinite(f) -> throw new IllegalArgumentException("not a JSON number: " + f);
            case Number n -> out.append(n);
            default ->
                throw new IllegalArgumentException(
                        "no JSON form for " + value.getClass().getName());
        }
    }

    private static void container(Collection<?> members, char open, char close, StringBuilder out, int depth) {
        out.append(open);
        Iterator<?> it = members.iterator();
        while (it.hasNext()) {
            newline(out, depth < 0 ? -1 : depth + 1);
            Object member = it.next();
            if (member instanceof Map.Entry<?, ?> entry) {
                string(String.valueOf(entry.getKey()), out);
                out.append(depth < 0 ? ":" : ": ");
                member = entry.getValue();
            }
            write(member, out, depth < 0 ? -1 : depth + 1);
            if (it.hasNext()) {
                out.append(',');
            }
        }
        if (!members.isEmpty()) {
            newline(out, depth);
        }
        out.append(close);
    }

    private static void newline(StringBuilder out, int depth) {
        if (depth >= 0) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
