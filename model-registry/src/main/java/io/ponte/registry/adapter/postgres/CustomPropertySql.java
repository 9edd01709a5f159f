package io.ponte.registry.adapter.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.core.filter.Literal;
import io.ponte.registry.core.filter.Operator;
import io.ponte.registry.core.filter.Property;
import io.ponte.registry.core.filter.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A custom property, read from {@code e.custom_props}, which holds values in the API's shape: {@code {"epochs":
 * {"metadataType": "MetadataIntValue", "int_value": "42"}}}. The property name is always a bound parameter.
 *
 * <p>Without an accessor the literal picks the field: a string compares {@code string_value}, a boolean {@code
 * bool_value}, a number either {@code int_value} or {@code double_value}, numerically. Equality is a containment
 * test ({@code e.custom_props @> ?::jsonb}) that the GIN index on {@code custom_props} answers; {@code int_value}
 * equality therefore matches the canonical decimal form the store writes ({@code "42"}, not {@code "042"}). Every
 * other comparison reads the field, so an entity without the property matches neither {@code =} nor {@code !=}, as
 * with SQL NULL.
 */
record CustomPropertySql(Property property) implements PropertySql {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public SqlFragment compare(Operator op, Literal value) {
        if (property.accessor().isEmpty() && (value instanceof Literal.Int || value instanceof Literal.Decimal)) {
            return numeric(op, number(value));
        }
        ValueType type = property.accessor().orElse(value instanceof Literal.Bool ? ValueType.BOOL : ValueType.STRING);
        LiteralValues.checkOperator(label(), type, op);
        Object bound = LiteralValues.convert(label(), type, value);
        if (op == Operator.EQ) {
            return contains(type, type == ValueType.INT ? bound.toString() : bound);
        }
        return new SqlFragment(
                field(type) + cast(type) + " " + Sql.operator(op) + " ?", List.of(property.name(), bound));
    }

    @Override
    public SqlFragment in(List<Literal> values) {
        return Sql.join(values.stream().map(v -> compare(Operator.EQ, v)).toList(), "OR");
    }

    /** Matches a stored {@code int_value} or {@code double_value}, both compared exactly as {@code numeric}. */
    private SqlFragment numeric(Operator op, BigDecimal number) {
        LiteralValues.checkOperator(label(), ValueType.DOUBLE, op);
        if (op == Operator.EQ) {
            List<SqlFragment> either = new ArrayList<>();
            if (isLong(number)) {
                either.add(contains(ValueType.INT, Long.toString(number.longValueExact())));
            }
            either.add(contains(ValueType.DOUBLE, number));
            return Sql.join(either, "OR");
        }
        String sql = "COALESCE(" + field(ValueType.INT) + "::numeric, " + field(ValueType.DOUBLE) + "::numeric) "
                + Sql.operator(op) + " ?";
        return new SqlFragment(sql, List.of(property.name(), property.name(), number));
    }

    /** {@code e.custom_props @> {"name": {"<field>": value}}}, the JSON built by Jackson. */
    private SqlFragment contains(ValueType type, Object value) {
        ObjectNode probe = JSON.createObjectNode();
        probe.putObject(property.name()).set(type.field(), JSON.valueToTree(value));
        return new SqlFragment("e.custom_props @> ?::jsonb", List.of(probe.toString()));
    }

    private static String field(ValueType type) {
        return "(e.custom_props -> ?::text ->> '" + type.field() + "')";
    }

    private static String cast(ValueType type) {
        return switch (type) {
            case STRING -> "";
            case INT -> "::bigint";
            case DOUBLE -> "::float8";
            case BOOL -> "::boolean";
        };
    }

    private static BigDecimal number(Literal value) {
        return value instanceof Literal.Int i
                ? BigDecimal.valueOf(i.value())
                : BigDecimal.valueOf(((Literal.Decimal) value).value());
    }

    private static boolean isLong(BigDecimal number) {
        try {
            number.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private String label() {
        return property.accessor().map(t -> property.name() + "." + t.field()).orElse(property.name());
    }
}
