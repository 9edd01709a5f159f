package io.ponte.registry.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.registry.core.filter.FilterParser;
import io.ponte.registry.testing.PostgresService;
import io.ponte.registry.testing.PostgresService.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code entity_property} follows {@code entity.custom_props} (migration V2): rows that were there before the
 * migration, inserts, updates that change or remove properties, deletes; and stored values the filters cannot read
 * fail neither the write nor the query.
 */
class EntityPropertyTest {

    private static final TestCatalog CATALOG = TestCatalog.standard();
    private static Connection db;

    @BeforeAll
    static void rows_before_and_after_the_migration() throws Exception {
        Database database = PostgresService.freshDatabase();
        db = PostgresService.connect(database.jdbcUrl(), database.user(), database.password());
        SqlFilterPostgresTest.migrate(db, "V1__registry.sql");
        insert("before", """
                {"framework": {"metadataType": "MetadataStringValue", "string_value": "onnx"},
                 "epochs": {"metadataType": "MetadataIntValue", "int_value": "7"}}""");
        insert("before-unreadable", """
                {"epochs": {"metadataType": "MetadataIntValue", "int_value": "seven"},
                 "accuracy": {"metadataType": "MetadataDoubleValue", "double_value": "1e400"}}""");
        SqlFilterPostgresTest.migrate(db, "V2__entity_property.sql");
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void rows_written_before_the_migration_are_found() throws Exception {
        assertThat(names("framework = \"onnx\"")).containsExactly("before");
        assertThat(names("epochs = 7")).containsExactly("before");
        assertThat(names("epochs.int_value < 8")).containsExactly("before");
    }

    @Test
    void an_update_that_changes_a_value_matches_the_new_value_only() throws Exception {
        long id = insert("changed", """
                {"color": {"metadataType": "MetadataStringValue", "string_value": "red"}}""");

        update(id, """
                {"color": {"metadataType": "MetadataStringValue", "string_value": "blue"}}""");

        assertThat(names("color = \"red\"")).isEmpty();
        assertThat(names("color = \"blue\"")).containsExactly("changed");
    }

    @Test
    void a_property_an_update_removes_matches_neither_equal_nor_not_equal() throws Exception {
        long id = insert("trimmed", """
                {"owner": {"metadataType": "MetadataStringValue", "string_value": "ann"},
                 "score": {"metadataType": "MetadataIntValue", "int_value": "3"}}""");

        update(id, """
                {"score": {"metadataType": "MetadataIntValue", "int_value": "3"}}""");

        assertThat(names("owner = \"ann\"")).isEmpty();
        assertThat(names("owner != \"bob\"")).isEmpty();
        assertThat(names("score = 3")).containsExactly("trimmed");
    }

    @Test
    void an_update_that_leaves_custom_properties_alone_keeps_them() throws Exception {
        long id = insert("renamed", """
                {"team": {"metadataType": "MetadataStringValue", "string_value": "vision"}}""");

        try (PreparedStatement s =
                db.prepareStatement("UPDATE entity SET state = 'ARCHIVED', custom_props = custom_props WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }

        assertThat(names("team = \"vision\"")).containsExactly("renamed");
    }

    @Test
    void deleting_an_entity_deletes_its_rows() throws Exception {
        long id = insert("deleted", """
                {"temp": {"metadataType": "MetadataBoolValue", "bool_value": true}}""");

        try (PreparedStatement s = db.prepareStatement("DELETE FROM entity WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }

        assertThat(count("SELECT count(*) FROM entity_property WHERE entity_id = " + id))
                .isZero();
    }

    @Test
    void stored_values_that_do_not_cast_match_nothing_and_fail_nothing() throws Exception {
        insert("unreadable", """
                {"level": {"metadataType": "MetadataIntValue", "int_value": "high"},
                 "ratio": {"metadataType": "MetadataDoubleValue", "double_value": "n/a"},
                 "flag": {"metadataType": "MetadataBoolValue", "bool_value": "perhaps"},
                 "huge": {"metadataType": "MetadataIntValue", "int_value": "99999999999999999999"},
                 "plain": 5}""");
        insert("not-an-object", "[1, 2]");

        assertThat(names("level > 1")).isEmpty();
        assertThat(names("level.int_value != 1")).isEmpty();
        assertThat(names("ratio.double_value < 1")).isEmpty();
        assertThat(names("flag = true")).isEmpty();
        assertThat(names("flag != true")).isEmpty();
        assertThat(names("plain = 5")).isEmpty();
        assertThat(names("huge > 1")).as("the number, though not a bigint").containsExactly("unreadable");
        assertThat(names("huge.int_value > 1")).isEmpty();
        assertThat(names("epochs >= 0")).as("before-unreadable: 'seven'").containsExactly("before");
    }

    @Test
    void a_string_too_long_for_a_btree_entry_is_stored_and_found() throws Exception {
        byte[] random = new byte[2000];
        new SecureRandom().nextBytes(random);
        String value = HexFormat.of().formatHex(random); // 4,000 bytes that hardly compress, near the filter's limit

        insert("long", "{\"notes\": {\"metadataType\": \"MetadataStringValue\", \"string_value\": \"" + value + "\"}}");

        assertThat(names("notes = \"" + value + "\"")).containsExactly("long");
        assertThat(names("notes LIKE \"" + value.substring(0, 10) + "%\"")).containsExactly("long");
    }

    private static List<String> names(String query) throws SQLException {
        SqlFragment where = SqlFilter.translate(FilterParser.parse(query).orElseThrow(), CATALOG);
        try (PreparedStatement s =
                db.prepareStatement("SELECT e.name FROM entity e WHERE " + where.sql() + " ORDER BY e.id")) {
            SqlFilterPostgresTest.bind(s, where);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    private static long insert(String name, String customProps) throws SQLException {
        try (PreparedStatement s =
                db.prepareStatement("INSERT INTO entity (kind, family, name, create_time, update_time, custom_props)"
                        + " VALUES ('ModelVersion', 'test', ?, 0, 0, ?::jsonb) RETURNING id")) {
            s.setString(1, name);
            s.setString(2, customProps);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(long id, String customProps) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE entity SET custom_props = ?::jsonb WHERE id = ?")) {
            s.setString(1, customProps);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static long count(String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
