package io.ponte.registry.adapter.postgres;

import io.ponte.registry.core.filter.Literal;
import io.ponte.registry.core.filter.Operator;
import io.ponte.registry.core.filter.Property;
import io.ponte.registry.core.filter.ValueType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom property, read from {@code entity_property}: one row per custom property of an entity, kept in step with
 * {@code e.custom_props} by a trigger (migration V2), with the value cast once into {@code string_value},
 * {@code int_value}, {@code double_value}, {@code bool_value} and {@code number_value} (the int or else the double,
 * as an exact {@code numeric}). A comparison is a semi-join on that row, {@code EXISTS (SELECT 1 FROM entity_property
 * p WHERE p.entity_id = e.id AND p.name = ? AND <test>)}, which the table's b-trees answer in id order; the property
 * name is always a bound parameter.
 *
 * <p>Without an accessor the literal picks the column: a string compares {@code string_value}, a boolean {@code
 * bool_value}, a number {@code number_value}, so {@code 12} matches an int 12 and a double 12.0, exactly (no float8
 * rounding of a large long). An entity without the property has no row and matches neither {@code =} nor {@code !=},
 * as with SQL NULL; nor does one whose stored value does not cast to the column's type.
 */
record CustomPropertySql(Property property) implements PropertySql {

    /**
     * The predicate of the partial index {@code entity_property_string} (V2): strings longer than that are not
     * indexed, since a b-tree entry must stay under 2,704 bytes. An equality repeats it, so that the planner may use
     * the index; it is added only when name and value are at most {@link #INDEXED_UTF8_BYTES} in UTF-8, which leaves
     * room for any server encoding, so that it never drops a match.
     */
    static final String INDEXED_STRING = "octet_length(p.name) + octet_length(p.string_value) <= 2000";

    private static final int INDEXED_UTF8_BYTES = 1000;

    @Override
    public SqlFragment compare(Operator op, Literal value) {
        return exists(test(op, value));
    }

    @Override
    public SqlFragment in(List<Literal> values) {
        return exists(Sql.join(values.stream().map(v -> test(Operator.EQ, v)).toList(), "OR"));
    }

    /** The condition on the property's row {@code p}. */
    private SqlFragment test(Operator op, Literal value) {
        if (property.accessor().isEmpty() && (value instanceof Literal.Int || value instanceof Literal.Decimal)) {
            LiteralValues.checkOperator(label(), ValueType.DOUBLE, op);
            return new SqlFragment("p.number_value " + Sql.operator(op) + " ?", List.of(number(value)));
        }
        ValueType type = property.accessor().orElse(value instanceof Literal.Bool ? ValueType.BOOL : ValueType.STRING);
        LiteralValues.checkOperator(label(), type, op);
        Object bound = LiteralValues.convert(label(), type, value);
        String test = "p." + type.field() + " " + Sql.operator(op) + " ?";
        if (op == Operator.EQ && bound instanceof String s && indexed(s)) {
            test += " AND " + INDEXED_STRING;
        }
        return new SqlFragment(test, List.of(bound));
    }

    private SqlFragment exists(SqlFragment test) {
        return new SqlFragment(
                "EXISTS (SELECT 1 FROM entity_property p WHERE p.entity_id = e.id AND p.name = ? AND " + test.sql()
                        + ")",
                concat(property.name(), test.params()));
    }

    private boolean indexed(String value) {
        return utf8Bytes(property.name()) + utf8Bytes(value) <= INDEXED_UTF8_BYTES;
    }

    private static int utf8Bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static List<Object> concat(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static BigDecimal number(Literal value) {
        return value instanceof Literal.Int i
                ? BigDecimal.valueOf(i.value())
                : BigDecimal.valueOf(((Literal.Decimal) value).value());
    }

    private String label() {
        return property.accessor().map(t -> property.name() + "." + t.field()).orElse(property.name());
    }
}
