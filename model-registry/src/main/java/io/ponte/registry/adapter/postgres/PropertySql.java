package io.ponte.registry.adapter.postgres;

import io.ponte.registry.core.filter.Literal;
import io.ponte.registry.core.filter.Operator;
import java.util.List;

/** The SQL for the conditions on one property of a filter. */
sealed interface PropertySql permits StandardPropertySql, CustomPropertySql {

    SqlFragment compare(Operator op, Literal value);

    SqlFragment in(List<Literal> values);
}
