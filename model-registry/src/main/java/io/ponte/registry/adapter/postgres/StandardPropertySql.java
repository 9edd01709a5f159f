package io.ponte.registry.adapter.postgres;

import io.ponte.registry.core.filter.Literal;
import io.ponte.registry.core.filter.Operator;
import io.ponte.registry.core.filter.ValueType;
import java.util.List;

/** A standard property: its column compared with a bound value of the column's type. */
record StandardPropertySql(String property, Column column) implements PropertySql {

    @Override
    public SqlFragment compare(Operator op, Literal value) {
        LiteralValues.checkOperator(property, type(), op);
        return new SqlFragment(column.sqlExpression() + " " + Sql.operator(op) + " ?", List.of(convert(value)));
    }

    @Override
    public SqlFragment in(List<Literal> values) {
        return new SqlFragment(
                column.sqlExpression() + " IN (" + Sql.placeholders(values.size()) + ")",
                values.stream().map(this::convert).toList());
    }

    private Object convert(Literal value) {
        return LiteralValues.convert(property, type(), value);
    }

    private ValueType type() {
        return column.type().valueType();
    }
}
