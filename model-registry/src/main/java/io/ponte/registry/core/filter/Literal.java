package io.ponte.registry.core.filter;

import java.util.Objects;

/** A value written in a {@code filterQuery}: a quoted string, an integer, a decimal number or a boolean. */
public sealed interface Literal {

    /** {@code "pytorch"} or {@code 'pytorch'}, escapes already resolved. */
    record Text(String value) implements Literal {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number written without a fraction or exponent: {@code 42}, {@code -3}. */
    record Int(long value) implements Literal {}

    /** A number written with a fraction or exponent: {@code 3.14}, {@code 1e-5}. */
    record Decimal(double value) implements Literal {}

    /** {@code true} or {@code false}, in any letter case. */
    record Bool(boolean value) implements Literal {}
}
