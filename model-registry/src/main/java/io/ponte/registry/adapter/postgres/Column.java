package io.ponte.registry.adapter.postgres;

import java.util.Objects;

/**
 * Where a standard property lives.
 *
 * @param sqlExpression a self-contained SQL expression over the entity alias {@code e}, e.g. {@code e.name} or
 *     {@code (e.props->>'modelFormatName')}; it is put into queries as is, so it must come from code, never from a
 *     request
 * @param type what the expression yields
 */
public record Column(String sqlExpression, ColumnType type) {

    public Column {
        Objects.requireNonNull(sqlExpression, "sqlExpression");
        Objects.requireNonNull(type, "type");
    }
}
