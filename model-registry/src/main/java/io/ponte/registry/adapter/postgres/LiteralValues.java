package io.ponte.registry.adapter.postgres;

import io.ponte.registry.core.filter.FilterTypeException;
import io.ponte.registry.core.filter.Literal;
import io.ponte.registry.core.filter.Operator;
import io.ponte.registry.core.filter.ValueType;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Converts query literals to the type of the property they are compared with: {@code id = "5"} and {@code id = 5}
 * both bind the {@code Long} 5; a value that does not convert is a {@link FilterTypeException}.
 */
final class LiteralValues {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final double LONG_BOUND = 0x1p63;

    private LiteralValues() {}

    /** The value to bind: a {@code String}, {@code Long}, {@code Double} or {@code Boolean}. */
    static Object convert(String property, ValueType type, Literal value) {
        return switch (type) {
            case STRING -> text(value);
            case INT -> integer(property, value);
            case DOUBLE -> decimal(property, value);
            case BOOL -> bool(property, value);
        };
    }

    /** LIKE and ILIKE need text; booleans are only equal or not. */
    static void checkOperator(String property, ValueType type, Operator op) {
        if ((op == Operator.LIKE || op == Operator.ILIKE) && type != ValueType.STRING) {
            throw new FilterTypeException(
                    "property '" + property + "' is " + describe(type) + "; LIKE and ILIKE apply to text only");
        }
        if (type == ValueType.BOOL && op != Operator.EQ && op != Operator.NE) {
            throw new FilterTypeException("property '" + property + "' is a boolean; only = and != apply to it");
        }
    }

    /** A number or boolean compared with text is compared in its plain written form: {@code 1e-5} as "0.00001". */
    private static String text(Literal value) {
        return switch (value) {
            case Literal.Text t -> t.value();
            case Literal.Int i -> Long.toString(i.value());
            case Literal.Decimal d ->
                BigDecimal.valueOf(d.value()).stripTrailingZeros().toPlainString();
            case Literal.Bool b -> Boolean.toString(b.value());
        };
    }

    private static long integer(String property, Literal value) {
        return switch (value) {
            case Literal.Int i -> i.value();
            case Literal.Decimal d
            when d.value() == Math.rint(d.value()) && Math.abs(d.value()) < LONG_BOUND -> (long) d.value();
            case Literal.Text t when INTEGER.matcher(t.value()).matches() -> parseLong(property, t);
            default -> throw mismatch(property, ValueType.INT, value);
        };
    }

    private static long parseLong(String property, Literal.Text text) {
        try {
            return Long.parseLong(text.value());
        } catch (NumberFormatException e) {
            throw mismatch(property, ValueType.INT, text);
        }
    }

    private static double decimal(String property, Literal value) {
        return switch (value) {
            case Literal.Int i -> (double) i.value();
            case Literal.Decimal d -> d.value();
            case Literal.Text t
            when NUMBER.matcher(t.value()).matches() && Double.isFinite(Double.parseDouble(t.value())) ->
                Double.parseDouble(t.value());
            default -> throw mismatch(property, ValueType.DOUBLE, value);
        };
    }

    private static boolean bool(String property, Literal value) {
        return switch (value) {
            case Literal.Bool b -> b.value();
            case Literal.Text t when t.value().equalsIgnoreCase("true") -> true;
            case Literal.Text t when t.value().equalsIgnoreCase("false") -> false;
            default -> throw mismatch(property, ValueType.BOOL, value);
        };
    }

    private static FilterTypeException mismatch(String property, ValueType type, Literal value) {
        return new FilterTypeException(
                "property '" + property + "' is " + describe(type) + ", '" + shown(value) + "' is not");
    }

    private static String describe(ValueType type) {
        return switch (type) {
            case STRING -> "text";
            case INT -> "an integer";
            case DOUBLE -> "a number";
            case BOOL -> "a boolean";
        };
    }

    private static String shown(Literal value) {
        return switch (value) {
            case Literal.Text t -> '"' + t.value() + '"';
            case Literal.Int i -> Long.toString(i.value());
            case Literal.Decimal d -> Double.toString(d.value());
            case Literal.Bool b -> Boolean.toString(b.value());
        };
    }
}
