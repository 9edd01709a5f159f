package io.ponte.registry.adapter.postgres;

import io.ponte.registry.core.filter.Operator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/** Small pieces of SQL text shared by the translators. */
final class Sql {

    private Sql() {}

    static String operator(Operator op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "<>";
            case GT -> ">";
            case LT -> "<";
            case GE -> ">=";
            case LE -> "<=";
            case LIKE -> "LIKE";
            case ILIKE -> "ILIKE";
        };
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** {@code (a AND b AND c)}: the parts joined by {@code word} in parentheses; a single part stays as it is. */
    static SqlFragment join(List<SqlFragment> parts, String word) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        StringJoiner sql = new StringJoiner(" " + word + " ", "(", ")");
        List<Object> params = new ArrayList<>();
        for (SqlFragment part : parts) {
            sql.add(part.sql());
            params.addAll(part.params());
        }
        return new SqlFragment(sql.toString(), params);
    }
}
