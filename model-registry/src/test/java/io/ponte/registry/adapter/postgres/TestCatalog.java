package io.ponte.registry.adapter.postgres;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The standard properties the service's catalog resolves, plus any a test adds. */
record TestCatalog(Map<String, Column> columns) implements FieldCatalog {

    static TestCatalog standard() {
        return new TestCatalog(Map.of(
                "id", new Column("e.id", ColumnType.BIGINT),
                "name", new Column("e.name", ColumnType.TEXT),
                "externalId", new Column("e.external_id", ColumnType.TEXT),
                "state", new Column("e.state", ColumnType.TEXT),
                "createTimeSinceEpoch", new Column("e.create_time", ColumnType.BIGINT),
                "lastUpdateTimeSinceEpoch", new Column("e.update_time", ColumnType.BIGINT),
                "modelFormatName", new Column("(e.props->>'modelFormatName')", ColumnType.TEXT)));
    }

    TestCatalog with(String property, Column column) {
        Map<String, Column> more = new HashMap<>(columns);
        more.put(property, column);
        return new TestCatalog(more);
    }

    @Override
    public Optional<Column> column(String property) {
        return Optional.ofNullable(columns.get(property));
    }
}
