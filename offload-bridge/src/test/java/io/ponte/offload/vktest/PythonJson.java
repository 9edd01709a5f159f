package io.ponte.offload.vktest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as Jinja's {@code tojson} filter writes it: Python's {@code json.dumps} with sorted keys,
 * {@code ", "} and {@code ": "} separators and ASCII-only output, then {@code < > & '} escaped
 * as {@code \\u003c \\u003e \\u0026 \\u0027} so the text is safe inside HTML.
 */
final class PythonJson {
    private PythonJson() {}

    static String htmlSafeDumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString()
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("'", "\\u0027");
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case java.math.BigInteger b -> out.append(b);
            case Number n -> out.append(pythonFloat(n.doubleValue()));
            case CharSequence s -> string(s.toString(), out);
            case Map<?, ?> map -> object(map, out);
            case List<?> list -> array(list, out);
            default -> string(value.toString(), out);
        }
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : sorted.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            string(e.getKey(), out);
            out.append(": ");
            write(e.getValue(), out);
        }
        out.append('}');
    }

    private static void array(List<?> list, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(list.get(i), out);
        }
        out.append(']');
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
                    if (c < 0x20 || c > 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String pythonFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e16 ? String.format("%.1f", d) : Double.toString(d);
    }
}
