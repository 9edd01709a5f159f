package io.ponte.registry.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.registry.core.filter.FilterParser;
import io.ponte.registry.testing.PostgresService;
import io.ponte.registry.testing.PostgresService.Database;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

/** Translated filters run against the real schema on a real PostgreSQL and select the entities they should. */
class SqlFilterPostgresTest {

    static final List<String> MIGRATIONS = List.of("V1__registry.sql", "V2__entity_property.sql");
    private static final TestCatalog CATALOG = TestCatalog.standard();
    private static Connection db;

    @BeforeAll
    static void schema_and_rows() throws Exception {
        Database database = PostgresService.freshDatabase();
        db = PostgresService.connect(database.jdbcUrl(), database.user(), database.password());
        migrate(db);
        insert("alpha", "LIVE", 1000, "{\"modelFormatName\":\"onnx\"}", """
                {"framework": {"metadataType": "MetadataStringValue", "string_value": "pytorch"},
                 "accuracy": {"metadataType": "MetadataDoubleValue", "double_value": 0.93},
                 "epochs": {"metadataType": "MetadataIntValue", "int_value": "10"},
                 "ok": {"metadataType": "MetadataBoolValue", "bool_value": true},
                 "mlflow.source.type": {"metadataType": "MetadataStringValue", "string_value": "notebook"}}""");
        insert("beta", "LIVE", 2000, "{}", """
                {"framework": {"metadataType": "MetadataStringValue", "string_value": "tensorflow"},
                 "accuracy": {"metadataType": "MetadataDoubleValue", "double_value": 0.85},
                 "epochs": {"metadataType": "MetadataIntValue", "int_value": "9"},
                 "ok": {"metadataType": "MetadataBoolValue", "bool_value": false},
                 "custom-property": {"metadataType": "MetadataStringValue", "string_value": "x"}}""");
        insert("gamma", "ARCHIVED", 3000, "{}", """
                {"framework": {"metadataType": "MetadataStringValue", "string_value": "PyTorch"},
                 "accuracy": {"metadataType": "MetadataDoubleValue", "double_value": 0.99},
                 "epochs": {"metadataType": "MetadataIntValue", "int_value": "100"}}""");
        insert("delta", "LIVE", 4000, "{}", """
                {"framework": {"metadataType": "MetadataStringValue", "string_value": "sklearn"},
                 "accuracy": {"metadataType": "MetadataIntValue", "int_value": "1"},
                 "epochs": {"metadataType": "MetadataDoubleValue", "double_value": 12.0}}""");
        insert("epsilon", "ARCHIVED", 5000, "{}", "{}");
        insert("x' OR 1=1 --", "LIVE", 6000, "{}", "{}");
        insert("eta", "LIVE", 7000, "{}", """
                {"size": {"metadataType": "MetadataIntValue", "int_value": "9007199254740993"}}""");
        insert("theta", "LIVE", 8000, "{}", """
                {"a'); DROP TABLE entity; --": {"metadataType": "MetadataStringValue", "string_value": "boom"},
                 "mlflow.source": {"metadataType": "MetadataStringValue", "string_value": "ui"}}""");
        insert("iota", "LIVE", 9000, "{}", """
                {"framework": {"metadataType": "MetadataStringValue", "string_value": "50% pytorch"},
                 "ok": {"metadataType": "MetadataBoolValue", "bool_value": true}}""");
        insert("kappa", "LIVE", 10000, "{}", """
                {"epochs": {"metadataType": "MetadataStringValue", "string_value": "lots"}}""");
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void custom_strings_match_exactly_by_pattern_and_ignoring_case() throws Exception {
        assertThat(names("framework = \"pytorch\"")).containsExactly("alpha");
        assertThat(names("framework.string_value = 'pytorch'")).containsExactly("alpha");
        assertThat(names("framework LIKE \"py%\"")).containsExactly("alpha");
        assertThat(names("framework ILIKE \"py%\"")).containsExactly("alpha", "gamma");
        assertThat(names("framework LIKE \"50\\% %\"")).containsExactly("iota");
        assertThat(names("framework > \"s\"")).containsExactly("beta", "delta");
    }

    @Test
    void not_equal_skips_entities_without_the_property() throws Exception {
        assertThat(names("framework != \"pytorch\"")).containsExactly("beta", "gamma", "delta", "iota");
        assertThat(names("ok != true")).containsExactly("beta");
        assertThat(names("epochs <> 10")).containsExactly("beta", "gamma", "delta");
    }

    @Test
    void integers_stored_as_strings_compare_as_numbers() throws Exception {
        assertThat(names("epochs > 9")).containsExactly("alpha", "gamma", "delta");
        assertThat(names("epochs.int_value > 9")).containsExactly("alpha", "gamma");
        assertThat(names("epochs.int_value >= \"10\"")).containsExactly("alpha", "gamma");
        assertThat(names("epochs = 10")).containsExactly("alpha");
        assertThat(names("epochs.int_value = 9")).containsExactly("beta");
        assertThat(names("epochs = 12")).containsExactly("delta");
        assertThat(names("epochs = 12.0")).containsExactly("delta");
    }

    @Test
    void large_integers_compare_exactly() throws Exception {
        assertThat(names("size = 9007199254740993")).containsExactly("eta");
        assertThat(names("size = 9007199254740992")).isEmpty();
        assertThat(names("size > 9007199254740992")).containsExactly("eta");
        assertThat(names("size.int_value < 9007199254740994")).containsExactly("eta");
    }

    @Test
    void doubles_compare_as_numbers_with_ints_alongside() throws Exception {
        assertThat(names("accuracy > 0.9")).containsExactly("alpha", "gamma", "delta");
        assertThat(names("accuracy.double_value > 0.9")).containsExactly("alpha", "gamma");
        assertThat(names("accuracy.double_value < 0.9")).containsExactly("beta");
        assertThat(names("accuracy = 0.93")).containsExactly("alpha");
        assertThat(names("accuracy = 1")).containsExactly("delta");
        assertThat(names("accuracy >= 9.3e-1")).containsExactly("alpha", "gamma", "delta");
    }

    @Test
    void booleans_match_by_value() throws Exception {
        assertThat(names("ok = true")).containsExactly("alpha", "iota");
        assertThat(names("ok = FALSE")).containsExactly("beta");
        assertThat(names("ok.bool_value = \"true\"")).containsExactly("alpha", "iota");
    }

    @Test
    void in_matches_any_listed_value() throws Exception {
        assertThat(names("framework IN (\"pytorch\", \"sklearn\")")).containsExactly("alpha", "delta");
        assertThat(names("epochs IN (9, 100, 12)")).containsExactly("beta", "gamma", "delta");
        assertThat(names("state IN ('ARCHIVED')")).containsExactly("gamma", "epsilon");
        assertThat(names("id IN (1, \"2\")")).containsExactly("alpha", "beta");
    }

    @Test
    void and_binds_tighter_than_or_and_parentheses_regroup() throws Exception {
        assertThat(names("name = \"alpha\" OR name = \"beta\" AND state = \"ARCHIVED\""))
                .containsExactly("alpha");
        assertThat(names("(name = \"alpha\" OR name = \"gamma\") AND state = \"ARCHIVED\""))
                .containsExactly("gamma");
        assertThat(names("(framework ILIKE \"py%\" OR ok = true) AND epochs >= 10"))
                .containsExactly("alpha", "gamma");
    }

    @Test
    void backticked_and_dotted_names_reach_custom_properties() throws Exception {
        assertThat(names("`mlflow.source.type` = \"notebook\"")).containsExactly("alpha");
        assertThat(names("`custom-property`.string_value = \"x\"")).containsExactly("beta");
        assertThat(names("mlflow.source = \"ui\"")).containsExactly("theta");
    }

    @Test
    void standard_columns_take_values_converted_to_their_type() throws Exception {
        assertThat(names("id = \"3\"")).containsExactly("gamma");
        assertThat(names("id = 3")).containsExactly("gamma");
        assertThat(names("createTimeSinceEpoch > \"8000\"")).containsExactly("iota", "kappa");
        assertThat(names("name LIKE \"%ta\"")).containsExactly("beta", "delta", "eta", "theta", "iota");
        assertThat(names("modelFormatName = \"onnx\"")).containsExactly("alpha");
    }

    @Test
    void injection_attempts_are_compared_as_plain_values() throws Exception {
        assertThat(names("name = \"x' OR 1=1 --\"")).containsExactly("x' OR 1=1 --");
        assertThat(names("`a'); DROP TABLE entity; --` = \"boom\"")).containsExactly("theta");
        assertThat(names("`a'); DROP TABLE entity; --` != \"bang\"")).containsExactly("theta");
        assertThat(names("id > 0")).hasSize(10);
    }

    static List<String> names(String query) throws SQLException {
        SqlFragment where = SqlFilter.translate(FilterParser.parse(query).orElseThrow(), CATALOG);
        try (PreparedStatement s =
                db.prepareStatement("SELECT e.name FROM entity e WHERE " + where.sql() + " ORDER BY e.id")) {
            bind(s, where);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }
    }

    static void bind(PreparedStatement statement, SqlFragment fragment) throws SQLException {
        for (int i = 0; i < fragment.params().size(); i++) {
            statement.setObject(i + 1, fragment.params().get(i));
        }
    }

    /** The service's schema: its migrations in order, each in one transaction, as Flyway applies them. */
    static void migrate(Connection db) throws IOException, SQLException {
        for (String migration : MIGRATIONS) {
            migrate(db, migration);
        }
    }

    static void migrate(Connection db, String migration) throws IOException, SQLException {
        String sql;
        try (InputStream in =
                SqlFilterPostgresTest.class.getClassLoader().getResourceAsStream("db/migration/" + migration)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute(sql);
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static void insert(String name, String state, long created, String props, String customProps)
            throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "INSERT INTO entity (kind, family, name, state, create_time, update_time, props, custom_props)"
                        + " VALUES ('ModelVersion', 'test', ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
            s.setString(1, name);
            s.setString(2, state);
            s.setLong(3, created);
            s.setLong(4, created);
            s.setString(5, props);
            s.setString(6, customProps);
            s.executeUpdate();
        }
    }
}
