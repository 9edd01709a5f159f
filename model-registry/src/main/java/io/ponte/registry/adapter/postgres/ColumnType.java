package io.ponte.registry.adapter.postgres;

import io.ponte.registry.core.filter.ValueType;

/** The SQL type of a standard property's column; filter values are converted to it before they are bound. */
public enum ColumnType {
    TEXT,
    BIGINT,
    DOUBLE,
    BOOLEAN;

    ValueType valueType() {
        return switch (this) {
            case TEXT -> ValueType.STRING;
            case BIGINT -> ValueType.INT;
            case DOUBLE -> ValueType.DOUBLE;
            case BOOLEAN -> ValueType.BOOL;
        };
    }
}
