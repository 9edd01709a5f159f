package io.ponte.registry.core.filter;

import java.util.List;
import java.util.Objects;

/** A parsed {@code filterQuery}: a tree of conditions on entity properties, joined by AND and OR. */
public sealed interface Filter {

    /** Both sides hold. */
    record And(Filter left, Filter right) implements Filter {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** At least one side holds. */
    record Or(Filter left, Filter right) implements Filter {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code property op value}, e.g. {@code accuracy > 0.9} or {@code name LIKE "%bert%"}. */
    record Comparison(Property property, Operator op, Literal value) implements Filter {
        public Comparison {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code property IN (v1, v2, ...)}: the property equals one of the values. */
    record InList(Property property, List<Literal> values) implements Filter {
        public InList {
            Objects.requireNonNull(property, "property");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("an IN list needs at least one value");
            }
        }
    }
}
