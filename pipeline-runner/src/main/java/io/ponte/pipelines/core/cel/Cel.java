package io.ponte.pipelines.core.cel;

import java.util.Map;

/**
 * The subset of CEL that the KFP SDK emits in {@code triggerPolicy.condition} for If / Elif / Else:
 * literals (strings, ints, doubles, booleans, null, lists), {@code ==, !=, <, <=, >, >=}, {@code &&,
 * ||, !}, {@code + - * / %}, {@code in}, the ternary, {@code int() double() string() bool() size()}
 * and member / index access such as {@code inputs.parameter_values['x']} or {@code
 * inputs.parameters['x'].parameter_value}.
 *
 * <p>One leniency: {@code ==} and {@code !=} between a number and a string compare their text, so
 * {@code inputs.parameter_values['item'] == '1'} holds for a loop item 1 (the SDK emits such
 * comparisons for loop items).
 */
public final class Cel {

    private Cel() {}

    /** Parses an expression; throws {@link CelException} on a syntax error. */
    public static CelExpr parse(String expression) {
        return new CelParser(expression).parse();
    }

    /** Evaluates a condition against a task's input parameter values; it must yield a boolean. */
    public static boolean condition(String expression, Map<String, Object> parameterValues) {
        Object v = parse(expression).eval(CelExpr.inputs(parameterValues));
        if (v instanceof Boolean b) {
            return b;
        }
        throw new CelException("the condition yields "
                + (v == null ? "null" : v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + v)
                + ", not a boolean");
    }
}
