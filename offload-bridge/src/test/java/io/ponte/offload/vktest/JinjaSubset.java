package io.ponte.offload.vktest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the part of Jinja the vk-test-set templates use: {@code {{ name }}} and {@code {{ name
 * | tojson }}}. Anything else (statements, comments, other filters, attribute access, undefined
 * names) fails with the line it is on, instead of rendering silently wrong.
 */
final class JinjaSubset {
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern UNSUPPORTED = Pattern.compile("\\{%|\\{#");

    private JinjaSubset() {}

    /** Thrown for a construct outside the subset or a name without a value. */
    static final class TemplateException extends IllegalArgumentException {
        TemplateException(String message) {
            super(message);
        }
    }

    static String render(String template, Map<String, ?> values) {
        Matcher unsupported = UNSUPPORTED.matcher(template);
        if (unsupported.find()) {
            throw new TemplateException("line " + line(template, unsupported.start())
                    + ": Jinja statements and comments ('" + unsupported.group() + "') are not supported");
        }
        Matcher m = EXPRESSION.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 256);
        while (m.find()) {
            String rendered = expression(m.group(1).trim(), values, line(template, m.start()));
            m.appendReplacement(out, Matcher.quoteReplacement(rendered));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String expression(String expr, Map<String, ?> values, int line) {
        String[] parts = expr.split("\\|", -1);
        String name = parts[0].trim();
        if (!NAME.matcher(name).matches()) {
            throw new TemplateException("line " + line + ": unsupported expression '{{ " + expr + " }}'");
        }
        if (!values.containsKey(name)) {
            throw new TemplateException("line " + line + ": no value for '" + name + "' (known: "
                    + values.keySet().stream().sorted().toList() + ")");
        }
        Object value = values.get(name);
        if (parts.length == 1) {
            return plain(value, name, line);
        }
        if (parts.length == 2 && parts[1].trim().equals("tojson")) {
            return PythonJson.htmlSafeDumps(value);
        }
        throw new TemplateException("line " + line + ": unsupported filter in '{{ " + expr + " }}' (only tojson)");
    }

    private static String plain(Object value, String name, int line) {
        if (value instanceof String || value instanceof Number || value instanceof java.util.UUID) {
            return String.valueOf(value);
        }
        throw new TemplateException("line " + line + ": '" + name + "' is a "
                + (value == null ? "null" : value instanceof Map ? "mapping" : "list")
                + "; Jinja would print its Python repr, use '| tojson'");
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
