package io.ponte.registry.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.registry.core.filter.FilterParser;
import io.ponte.registry.testing.PostgresService;
import io.ponte.registry.testing.PostgresService.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Equality on custom properties is answered by the GIN index on {@code custom_props}, not a scan of every row. */
class SqlFilterIndexTest {

    private static final int ROWS = 5000;
    private static Connection db;

    @BeforeAll
    static void thousands_of_rows() throws Exception {
        Database database = PostgresService.freshDatabase();
        db = PostgresService.connect(database.jdbcUrl(), database.user(), database.password());
        try (Statement s = db.createStatement()) {
            s.execute(SqlFilterPostgresTest.migration());
            s.execute("""
                    INSERT INTO entity (kind, family, name, create_time, update_time, custom_props)
                    SELECT 'ModelVersion', 'test', 'm-' || i, i, i, jsonb_build_object(
                        'framework', jsonb_build_object('metadataType', 'MetadataStringValue', 'string_value', 'fw-' || i),
                        'epochs', jsonb_build_object('metadataType', 'MetadataIntValue', 'int_value', i::text),
                        'ok', jsonb_build_object('metadataType', 'MetadataBoolValue', 'bool_value', i = 77))
                    FROM generate_series(1, %d) AS i""".formatted(ROWS));
            s.execute("""
                    INSERT INTO entity (kind, family, name, create_time, update_time, custom_props)
                    VALUES ('ModelVersion', 'test', 'double', 0, 0,
                        '{"epochs": {"metadataType": "MetadataDoubleValue", "double_value": 6000.0}}')""");
            // Fresh rows wait in the GIN pending list, which the planner rightly prices high; VACUUM moves them
            // into the index, as autovacuum does on a live table.
            s.execute("VACUUM ANALYZE entity");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void string_equality_uses_the_gin_index() throws Exception {
        assertThat(plan("framework = \"fw-4242\"")).contains("Bitmap Index Scan on entity_custom_props");
        assertThat(names("framework = \"fw-4242\"")).containsExactly("m-4242");
    }

    @Test
    void boolean_equality_uses_the_gin_index() throws Exception {
        assertThat(plan("ok = true")).contains("Bitmap Index Scan on entity_custom_props");
        assertThat(names("ok = true")).containsExactly("m-77");
    }

    @Test
    void number_equality_uses_the_gin_index_for_ints_and_doubles() throws Exception {
        assertThat(plan("epochs = 4242")).contains("BitmapOr").contains("Bitmap Index Scan on entity_custom_props");
        assertThat(names("epochs = 4242")).containsExactly("m-4242");
        assertThat(names("epochs = 6000")).as("42 finds 42.0 through the index").containsExactly("double");
    }

    private static String plan(String query) throws SQLException {
        List<String> lines = run("EXPLAIN SELECT e.id FROM entity e WHERE ", query);
        return String.join("\n", lines);
    }

    private static List<String> names(String query) throws SQLException {
        return run("SELECT e.name FROM entity e WHERE ", query);
    }

    private static List<String> run(String select, String query) throws SQLException {
        SqlFragment where = SqlFilter.translate(FilterParser.parse(query).orElseThrow(), TestCatalog.standard());
        try (PreparedStatement s = db.prepareStatement(select + where.sql())) {
            SqlFilterPostgresTest.bind(s, where);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }
}
