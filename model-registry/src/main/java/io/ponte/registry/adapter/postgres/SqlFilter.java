package io.ponte.registry.adapter.postgres;

import io.ponte.registry.core.filter.Filter;
import io.ponte.registry.core.filter.FilterTypeException;
import io.ponte.registry.core.filter.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates a parsed {@code filterQuery} into a PostgreSQL condition over the {@code entity} table, aliased
 * {@code e}. Every value and custom property name from the query is a bound parameter; the SQL text holds only
 * column expressions from the {@link FieldCatalog} and fixed fragments.
 *
 * <p>Standard properties compare their column with the value converted to the column's type. Other properties are
 * custom properties, compared in their typed rows of {@code entity_property} ({@link CustomPropertySql}); an entity
 * that lacks the property matches no comparison, {@code !=} included (SQL NULL semantics). AND and OR groups come out in parentheses, so the result can be ANDed with other
 * conditions as it is.
 */
public final class SqlFilter {

    private SqlFilter() {}

    /**
     * The condition {@code filter} describes.
     *
     * @throws FilterTypeException when a value or operator does not fit the property's type, or a typed accessor is
     *     used on a standard property
     */
    public static SqlFragment translate(Filter filter, FieldCatalog catalog) {
        return switch (filter) {
            case Filter.And and -> group(and, "AND", catalog);
            case Filter.Or or -> group(or, "OR", catalog);
            case Filter.Comparison c -> sqlFor(c.property(), catalog).compare(c.op(), c.value());
            case Filter.InList in -> sqlFor(in.property(), catalog).in(in.values());
        };
    }

    /** {@code a AND b AND c} as one group rather than nested pairs. */
    private static SqlFragment group(Filter filter, String word, FieldCatalog catalog) {
        List<Filter> operands = new ArrayList<>();
        flatten(filter, filter.getClass(), operands);
        return Sql.join(operands.stream().map(f -> translate(f, catalog)).toList(), word);
    }

    private static void flatten(Filter filter, Class<?> kind, List<Filter> into) {
        switch (filter) {
            case Filter.And(Filter left, Filter right)
            when kind == Filter.And.class -> {
                flatten(left, kind, into);
                flatten(right, kind, into);
            }
            case Filter.Or(Filter left, Filter right)
            when kind == Filter.Or.class -> {
                flatten(left, kind, into);
                flatten(right, kind, into);
            }
            default -> into.add(filter);
        }
    }

    private static PropertySql sqlFor(Property property, FieldCatalog catalog) {
        Optional<Column> column = catalog.column(property.name());
        if (column.isEmpty()) {
            return new CustomPropertySql(property);
        }
        property.accessor().ifPresent(type -> {
            throw new FilterTypeException("property '" + property.name() + "' is a standard property; '." + type.field()
                    + "' applies to custom properties only");
        });
        return new StandardPropertySql(property.name(), column.get());
    }
}
