package io.ponte.registry.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.registry.core.filter.FilterParser;
import io.ponte.registry.core.filter.FilterTypeException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlFilterTest {

    private static final String ROW =
            "EXISTS (SELECT 1 FROM entity_property p WHERE p.entity_id = e.id AND p.name = ? AND ";
    private static final String INDEXED = " AND octet_length(p.name) + octet_length(p.string_value) <= 2000";

    private TestCatalog catalog = TestCatalog.standard();

    @Test
    void a_standard_property_compares_its_column_with_a_bound_value() {
        assertThat(sql("name = \"my-model\"")).isEqualTo(fragment("e.name = ?", "my-model"));
        assertThat(sql("state != 'LIVE'")).isEqualTo(fragment("e.state <> ?", "LIVE"));
        assertThat(sql("name ILIKE \"%bert%\"")).isEqualTo(fragment("e.name ILIKE ?", "%bert%"));
        assertThat(sql("modelFormatName = \"onnx\"")).isEqualTo(fragment("(e.props->>'modelFormatName') = ?", "onnx"));
    }

    @Test
    void a_number_column_takes_numbers_and_numeric_strings_as_longs() {
        assertThat(sql("id = 5")).isEqualTo(fragment("e.id = ?", 5L));
        assertThat(sql("id = \"5\"")).isEqualTo(fragment("e.id = ?", 5L));
        assertThat(sql("createTimeSinceEpoch > \"1700000000000\""))
                .isEqualTo(fragment("e.create_time > ?", 1700000000000L));
        assertThat(sql("lastUpdateTimeSinceEpoch <= 1.7e12")).isEqualTo(fragment("e.update_time <= ?", 1700000000000L));
    }

    @Test
    void a_value_that_does_not_fit_the_column_is_refused_naming_the_property() {
        assertThatThrownBy(() -> sql("id = \"abc\""))
                .isInstanceOf(FilterTypeException.class)
                .hasMessage("filterQuery: property 'id' is an integer, '\"abc\"' is not");
        assertThatThrownBy(() -> sql("id = 2.5")).hasMessage("filterQuery: property 'id' is an integer, '2.5' is not");
        assertThatThrownBy(() -> sql("id IN (1, true)"))
                .hasMessage("filterQuery: property 'id' is an integer, 'true' is not");
    }

    @Test
    void like_applies_to_text_columns_only() {
        assertThatThrownBy(() -> sql("id LIKE \"1%\""))
                .isInstanceOf(FilterTypeException.class)
                .hasMessage("filterQuery: property 'id' is an integer; LIKE and ILIKE apply to text only");
    }

    @Test
    void a_typed_accessor_on_a_standard_property_is_refused() {
        assertThatThrownBy(() -> sql("name.string_value = \"x\""))
                .isInstanceOf(FilterTypeException.class)
                .hasMessage("filterQuery: property 'name' is a standard property; '.string_value' applies to custom"
                        + " properties only");
    }

    @Test
    void double_and_boolean_columns_convert_their_values() {
        catalog = catalog.with("score", new Column("e.score", ColumnType.DOUBLE))
                .with("archived", new Column("e.archived", ColumnType.BOOLEAN));

        assertThat(sql("score >= 1")).isEqualTo(fragment("e.score >= ?", 1.0));
        assertThat(sql("score < \"0.5\"")).isEqualTo(fragment("e.score < ?", 0.5));
        assertThat(sql("archived = \"TRUE\"")).isEqualTo(fragment("e.archived = ?", true));
        assertThatThrownBy(() -> sql("archived > false"))
                .hasMessage("filterQuery: property 'archived' is a boolean; only = and != apply to it");
        assertThatThrownBy(() -> sql("score = \"NaN\""))
                .hasMessage("filterQuery: property 'score' is a number, '\"NaN\"' is not");
    }

    @Test
    void in_on_a_standard_property_binds_one_parameter_per_value() {
        assertThat(sql("state IN (\"LIVE\", 'ARCHIVED')")).isEqualTo(fragment("e.state IN (?, ?)", "LIVE", "ARCHIVED"));
        assertThat(sql("id IN (1, \"2\")")).isEqualTo(fragment("e.id IN (?, ?)", 1L, 2L));
    }

    @Test
    void equality_on_a_custom_string_or_boolean_reads_the_property_row_through_its_value_index() {
        assertThat(sql("framework = \"pytorch\""))
                .isEqualTo(fragment(ROW + "p.string_value = ?" + INDEXED + ")", "framework", "pytorch"));
        assertThat(sql("ok = TRUE")).isEqualTo(fragment(ROW + "p.bool_value = ?)", "ok", true));
        assertThat(sql("framework.string_value = 3"))
                .isEqualTo(fragment(ROW + "p.string_value = ?" + INDEXED + ")", "framework", "3"));
        assertThat(sql("ok.bool_value = \"false\"")).isEqualTo(fragment(ROW + "p.bool_value = ?)", "ok", false));
    }

    @Test
    void equality_with_a_string_too_long_for_the_index_compares_without_its_predicate() {
        String value = "é".repeat(499); // with "tag": 502 characters, 1,001 bytes in UTF-8, one more than indexed

        assertThat(sql("tag = \"" + value + "\"")).isEqualTo(fragment(ROW + "p.string_value = ?)", "tag", value));
        assertThat(sql("tag = \"" + value.substring(1) + "\"").sql()).endsWith(INDEXED + ")");
    }

    @Test
    void other_comparisons_on_a_custom_string_read_the_column_by_a_bound_name() {
        assertThat(sql("framework != \"pytorch\""))
                .isEqualTo(fragment(ROW + "p.string_value <> ?)", "framework", "pytorch"));
        assertThat(sql("framework LIKE \"py%\""))
                .isEqualTo(fragment(ROW + "p.string_value LIKE ?)", "framework", "py%"));
        assertThat(sql("ok != true")).isEqualTo(fragment(ROW + "p.bool_value <> ?)", "ok", true));
    }

    @Test
    void a_number_without_accessor_compares_the_exact_number_of_an_int_or_a_double() {
        assertThat(sql("accuracy > 0.9"))
                .isEqualTo(fragment(ROW + "p.number_value > ?)", "accuracy", new BigDecimal("0.9")));
        assertThat(sql("epochs <= 10").params()).containsExactly("epochs", BigDecimal.valueOf(10));
    }

    @Test
    void number_equality_without_accessor_binds_the_exact_number() {
        assertThat(sql("epochs = 42"))
                .isEqualTo(fragment(ROW + "p.number_value = ?)", "epochs", BigDecimal.valueOf(42)));
        assertThat(sql("size = 9007199254740993").params()).containsExactly("size", new BigDecimal("9007199254740993"));
        assertThat(sql("accuracy = 0.93"))
                .isEqualTo(fragment(ROW + "p.number_value = ?)", "accuracy", new BigDecimal("0.93")));
    }

    @Test
    void a_typed_accessor_reads_exactly_that_column_with_a_value_of_its_type() {
        assertThat(sql("epochs.int_value >= \"10\"")).isEqualTo(fragment(ROW + "p.int_value >= ?)", "epochs", 10L));
        assertThat(sql("accuracy.double_value < 1")).isEqualTo(fragment(ROW + "p.double_value < ?)", "accuracy", 1.0));
        assertThat(sql("epochs.int_value = 7")).isEqualTo(fragment(ROW + "p.int_value = ?)", "epochs", 7L));
        assertThat(sql("accuracy.double_value = 1")).isEqualTo(fragment(ROW + "p.double_value = ?)", "accuracy", 1.0));
    }

    @Test
    void a_custom_value_that_does_not_fit_the_accessor_is_refused() {
        assertThatThrownBy(() -> sql("epochs.int_value > 2.5"))
                .isInstanceOf(FilterTypeException.class)
                .hasMessage("filterQuery: property 'epochs.int_value' is an integer, '2.5' is not");
        assertThatThrownBy(() -> sql("epochs.int_value LIKE \"1%\""))
                .hasMessage(
                        "filterQuery: property 'epochs.int_value' is an integer; LIKE and ILIKE apply to text only");
        assertThatThrownBy(() -> sql("ok < true"))
                .hasMessage("filterQuery: property 'ok' is a boolean; only = and != apply to it");
    }

    @Test
    void in_on_a_custom_property_is_an_or_of_equalities_on_its_one_row() {
        assertThat(sql("framework IN (\"a\", \"b\")"))
                .isEqualTo(fragment(
                        ROW + "(p.string_value = ?" + INDEXED + " OR p.string_value = ?" + INDEXED + "))",
                        "framework",
                        "a",
                        "b"));
        assertThat(sql("framework IN (\"a\")")).isEqualTo(sql("framework = \"a\""));
        assertThat(sql("epochs IN (9, 1.5)"))
                .isEqualTo(fragment(
                        ROW + "(p.number_value = ? OR p.number_value = ?))",
                        "epochs",
                        BigDecimal.valueOf(9),
                        new BigDecimal("1.5")));
    }

    @Test
    void and_or_groups_are_parenthesised_as_the_query_nests_them() {
        assertThat(sql("name = \"a\" OR name = \"b\" AND (state = \"c\" OR state = \"d\")")
                        .sql())
                .isEqualTo("(e.name = ? OR (e.name = ? AND (e.state = ? OR e.state = ?)))");
        assertThat(sql("(name = \"a\" OR name = \"b\") AND state = \"c\"").sql())
                .isEqualTo("((e.name = ? OR e.name = ?) AND e.state = ?)");
        assertThat(sql("name = \"a\" AND state = \"b\" AND id = 1"))
                .isEqualTo(fragment("(e.name = ? AND e.state = ? AND e.id = ?)", "a", "b", 1L));
    }

    @Test
    void a_value_trying_sql_injection_stays_a_parameter() {
        assertThat(sql("name = \"x' OR 1=1 --\"")).isEqualTo(fragment("e.name = ?", "x' OR 1=1 --"));
        assertThat(sql("framework != \"x' OR 1=1 --\""))
                .isEqualTo(fragment(ROW + "p.string_value <> ?)", "framework", "x' OR 1=1 --"));
    }

    @Test
    void a_property_name_trying_sql_injection_stays_a_parameter() {
        String name = "a'); DROP TABLE entity; --";

        SqlFragment equal = sql("`" + name + "` = \"boom\"");
        SqlFragment unequal = sql("`" + name + "` != \"boom\"");
        SqlFragment greater = sql("`" + name + "` > 1");

        assertThat(List.of(equal.sql(), unequal.sql(), greater.sql())).noneMatch(s -> s.contains("DROP"));
        assertThat(equal.params()).containsExactly(name, "boom");
        assertThat(unequal.params()).containsExactly(name, "boom");
        assertThat(greater.params()).containsExactly(name, BigDecimal.valueOf(1));
    }

    @Test
    void quotes_in_names_and_values_are_bound_as_written() {
        SqlFragment fragment = sql("`we\"ird` = \"say \\\"hi\\\"\"");

        assertThat(fragment.params()).containsExactly("we\"ird", "say \"hi\"");
    }

    private SqlFragment sql(String query) {
        return SqlFilter.translate(FilterParser.parse(query).orElseThrow(), catalog);
    }

    private static SqlFragment fragment(String sql, Object... params) {
        return new SqlFragment(sql, List.of(params));
    }
}
