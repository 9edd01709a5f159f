package io.ponte.registry.adapter.postgres;

import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with {@code ?} placeholders and the values to bind to them, in order, with
 * {@link java.sql.PreparedStatement#setObject(int, Object)}. Values are {@code String}, {@code Long}, {@code Double},
 * {@code Boolean} or {@code BigDecimal}.
 */
public record SqlFragment(String sql, List<Object> params) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        params = List.copyOf(params);
    }
}
