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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page filtered by equality on a custom property, {@code ... ORDER BY e.id LIMIT 21}, reads its matches from an
 * {@code entity_property} value index in id order and fetches just those entities, instead of walking the primary
 * key of {@code entity} and testing every row.
 */
class SqlFilterIndexTest {

    private static final int ROWS = 5000;
    private static final int PAGE = 21;
    private static Connection db;

    @BeforeAll
    static void thousands_of_rows() throws Exception {
        Database database = PostgresService.freshDatabase();
        db = PostgresService.connect(database.jdbcUrl(), database.user(), database.password());
        SqlFilterPostgresTest.migrate(db);
        try (Statement s = db.createStatement()) {
            // The newest 5 % carry stage = candidate: a property introduced lately, whose matches all sit at the end.
            s.execute("""
                    INSERT INTO entity (kind, family, name, create_time, update_time, custom_props)
                    SELECT 'ModelVersion', 'test', 'm-' || i, i, i, jsonb_build_object(
                        'framework', jsonb_build_object('metadataType', 'MetadataStringValue', 'string_value', 'fw-' || i),
                        'epochs', jsonb_build_object('metadataType', 'MetadataIntValue', 'int_value', i::text),
                        'ok', jsonb_build_object('metadataType', 'MetadataBoolValue', 'bool_value', i = 77))
                        || CASE WHEN i > %d THEN jsonb_build_object('stage', jsonb_build_object(
                            'metadataType', 'MetadataStringValue', 'string_value', 'candidate')) ELSE '{}' END
                    FROM generate_series(1, %d) AS i""".formatted(ROWS - ROWS / 20, ROWS));
            s.execute("""
                    INSERT INTO entity (kind, family, name, create_time, update_time, custom_props)
                    VALUES ('ModelVersion', 'test', 'double', 0, 0,
                        '{"epochs": {"metadataType": "MetadataDoubleValue", "double_value": 6000.0}}')""");
            s.execute("ANALYZE entity, entity_property");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void a_page_of_a_property_only_the_newest_rows_carry_reads_its_matches_from_the_string_index() throws Exception {
        assertThat(plan("stage = \"candidate\"")).contains("Scan using entity_property_string");
        assertThat(page("stage = \"candidate\""))
                .containsExactlyElementsOf(IntStream.rangeClosed(4751, 4750 + PAGE)
                        .mapToObj(i -> "m-" + i)
                        .toList());
    }

    @Test
    void string_equality_uses_the_string_index() throws Exception {
        assertThat(plan("framework = \"fw-4242\"")).contains("Scan using entity_property_string");
        assertThat(page("framework = \"fw-4242\"")).containsExactly("m-4242");
    }

    @Test
    void boolean_equality_uses_the_bool_index() throws Exception {
        assertThat(plan("ok = true")).contains("Scan using entity_property_bool");
        assertThat(page("ok = true")).containsExactly("m-77");
    }

    @Test
    void number_equality_uses_the_number_index_for_ints_and_doubles() throws Exception {
        assertThat(plan("epochs = 4242")).contains("Scan using entity_property_number");
        assertThat(page("epochs = 4242")).containsExactly("m-4242");
        assertThat(page("epochs = 6000"))
                .as("6000 finds 6000.0 through the index")
                .containsExactly("double");
    }

    private static String plan(String query) throws SQLException {
        return String.join("\n", run("EXPLAIN SELECT e.id FROM entity e WHERE ", query));
    }

    private static List<String> page(String query) throws SQLException {
        return run("SELECT e.name FROM entity e WHERE ", query);
    }

    /** The store's page shape: the filter, ordered by id, one row more than the page. */
    private static List<String> run(String select, String query) throws SQLException {
        SqlFragment where = SqlFilter.translate(FilterParser.parse(query).orElseThrow(), TestCatalog.standard());
        try (PreparedStatement s = db.prepareStatement(select + where.sql() + " ORDER BY e.id LIMIT " + PAGE)) {
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
