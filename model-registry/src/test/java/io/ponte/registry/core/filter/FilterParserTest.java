package io.ponte.registry.core.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.registry.core.filter.Filter.And;
import io.ponte.registry.core.filter.Filter.Comparison;
import io.ponte.registry.core.filter.Filter.InList;
import io.ponte.registry.core.filter.Filter.Or;
import io.ponte.registry.core.filter.Literal.Bool;
import io.ponte.registry.core.filter.Literal.Decimal;
import io.ponte.registry.core.filter.Literal.Int;
import io.ponte.registry.core.filter.Literal.Text;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void a_blank_query_is_no_filter(String query) {
        assertThat(FilterParser.parse(query)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"=|EQ", "!=|NE", "<>|NE", ">|GT", "<|LT", ">=|GE", "<=|LE", "LIKE|LIKE", "ILIKE|ILIKE"})
    void every_comparison_operator_parses(String written, Operator op) {
        assertThat(parse("name " + written + " \"x\"")).isEqualTo(is("name", op, new Text("x")));
    }

    @Test
    void operators_need_no_spaces_around_them() {
        assertThat(parse("epochs>=-3")).isEqualTo(is("epochs", Operator.GE, new Int(-3)));
    }

    @Test
    void and_binds_tighter_than_or() {
        assertThat(parse("a = 1 OR b = 2 AND c = 3")).isEqualTo(new Or(a(), new And(b(), c())));
        assertThat(parse("a = 1 AND b = 2 OR c = 3")).isEqualTo(new Or(new And(a(), b()), c()));
    }

    @Test
    void parentheses_group_before_precedence() {
        assertThat(parse("(a = 1 OR b = 2) AND c = 3")).isEqualTo(new And(new Or(a(), b()), c()));
        assertThat(parse("((a = 1))")).isEqualTo(a());
    }

    @Test
    void chains_of_the_same_connective_associate_to_the_left() {
        assertThat(parse("a = 1 AND b = 2 AND c = 3")).isEqualTo(new And(new And(a(), b()), c()));
    }

    @Test
    void keywords_ignore_letter_case() {
        assertThat(parse("a = 1 or b = 2 aNd c = 3")).isEqualTo(new Or(a(), new And(b(), c())));
        assertThat(parse("name like \"x\"")).isEqualTo(is("name", Operator.LIKE, new Text("x")));
        assertThat(parse("name IlIkE \"x\"")).isEqualTo(is("name", Operator.ILIKE, new Text("x")));
        assertThat(parse("ok in (TRUE, False)"))
                .isEqualTo(new InList(Property.named("ok"), List.of(new Bool(true), new Bool(false))));
    }

    @Test
    void strings_take_either_quote_and_escape_their_own() {
        assertThat(value("\"pytorch\"")).isEqualTo(new Text("pytorch"));
        assertThat(value("'pytorch'")).isEqualTo(new Text("pytorch"));
        assertThat(value("\"say \\\"hi\\\"\"")).isEqualTo(new Text("say \"hi\""));
        assertThat(value("'it\\'s'")).isEqualTo(new Text("it's"));
        assertThat(value("\"it's\"")).isEqualTo(new Text("it's"));
        assertThat(value("\"a\\\\b\"")).isEqualTo(new Text("a\\b"));
        assertThat(value("\"\"")).isEqualTo(new Text(""));
    }

    @Test
    void a_backslash_before_another_character_is_kept_for_like_patterns() {
        assertThat(value("\"50\\%\"")).isEqualTo(new Text("50\\%"));
    }

    @Test
    void numbers_with_a_fraction_or_exponent_are_decimals_others_integers() {
        assertThat(value("42")).isEqualTo(new Int(42));
        assertThat(value("-3")).isEqualTo(new Int(-3));
        assertThat(value("9223372036854775807")).isEqualTo(new Int(Long.MAX_VALUE));
        assertThat(value("3.14")).isEqualTo(new Decimal(3.14));
        assertThat(value("1e-5")).isEqualTo(new Decimal(1e-5));
        assertThat(value("-2.5E+3")).isEqualTo(new Decimal(-2500));
        assertThat(value("42.0")).isEqualTo(new Decimal(42));
    }

    @Test
    void booleans_ignore_letter_case() {
        assertThat(value("true")).isEqualTo(new Bool(true));
        assertThat(value("FALSE")).isEqualTo(new Bool(false));
        assertThat(value("True")).isEqualTo(new Bool(true));
    }

    @ParameterizedTest
    @CsvSource({"string_value,STRING", "int_value,INT", "double_value,DOUBLE", "bool_value,BOOL"})
    void a_typed_accessor_names_the_field_to_compare(String accessor, ValueType type) {
        assertThat(property("framework." + accessor)).isEqualTo(Property.typed("framework", type));
    }

    @Test
    void a_dotted_name_not_ending_in_an_accessor_is_one_name() {
        assertThat(property("mlflow.source")).isEqualTo(Property.named("mlflow.source"));
        assertThat(property("mlflow.source.string_value")).isEqualTo(Property.typed("mlflow.source", ValueType.STRING));
        assertThat(property("string_value")).isEqualTo(Property.named("string_value"));
    }

    @Test
    void backticks_quote_names_with_special_characters() {
        assertThat(property("`mlflow.source.type`")).isEqualTo(Property.named("mlflow.source.type"));
        assertThat(property("`custom-property`.string_value"))
                .isEqualTo(Property.typed("custom-property", ValueType.STRING));
        assertThat(property("`a.int_value`")).isEqualTo(Property.named("a.int_value"));
        assertThat(property("`and`")).isEqualTo(Property.named("and"));
        assertThat(property("`tick\\`s`")).isEqualTo(Property.named("tick`s"));
        assertThat(property("`a'); DROP TABLE entity; --`")).isEqualTo(Property.named("a'); DROP TABLE entity; --"));
    }

    @Test
    void in_lists_hold_values_of_any_kind() {
        assertThat(parse("tag IN (\"a\", 'b', 3, 1.5, true)"))
                .isEqualTo(new InList(
                        Property.named("tag"),
                        List.of(new Text("a"), new Text("b"), new Int(3), new Decimal(1.5), new Bool(true))));
        assertThat(parse("id in (7)")).isEqualTo(new InList(Property.named("id"), List.of(new Int(7))));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "name =|expected a value after '=' but found the end of the query at position 7",
                "name = \"x|unterminated string starting at position 8",
                "(name = \"a\"|expected ')' to close the '(' at position 1 but found the end of the query at position 12",
                "name == 1|unknown operator '==' at position 6",
                "name =< 1|unknown operator '=<' at position 6",
                "name IN ()|expected a value in the IN list but found ')' at position 10",
                "name IN \"a\"|expected '(' after IN but found '\"a\"' at position 9",
                "name IN (\"a\" \"b\")|expected ',' or ')' in the IN list but found '\"b\"' at position 14",
                "AND name = 1|expected a property name but found 'AND' at position 1",
                "name = 1 AND|expected a property name but found the end of the query at position 13",
                "name = 1 name = 2|expected AND, OR or the end of the query but found 'name' at position 10",
                "name = 1)|expected AND, OR or the end of the query but found ')' at position 9",
                "name \"x\"|expected an operator (=, !=, <>, >, <, >=, <=, LIKE, ILIKE, IN) but found '\"x\"' at position 6",
                "state = LIVE|expected a value after '=' but found 'LIVE' (strings need quotes) at position 9",
                "name LIKE 5|LIKE needs a quoted pattern but found '5' at position 11",
                "name = #|unexpected character '#' at position 8",
                "`a`.foo = 1|expected string_value, int_value, double_value or bool_value but found 'foo' at position 5",
                "`a = 1|unterminated quoted name starting at position 1",
                "`` = 1|empty quoted name at position 1",
                "n = 99999999999999999999|number '99999999999999999999' is out of range at position 5",
                "n = 1e999|number '1e999' is out of range at position 5",
            })
    void a_malformed_query_is_refused_naming_the_problem_and_its_position(String query, String message) {
        assertThatThrownBy(() -> FilterParser.parse(query))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("filterQuery: " + message);
    }

    @Test
    void the_exception_carries_the_position() {
        assertThatThrownBy(() -> FilterParser.parse("name == 1"))
                .isInstanceOfSatisfying(
                        FilterSyntaxException.class,
                        e -> assertThat(e.position()).isEqualTo(6));
    }

    @Test
    void a_query_longer_than_4096_characters_is_refused() {
        String query = "name = \"" + "x".repeat(4090) + "\"";
        assertThat(query).hasSize(4099);

        assertThatThrownBy(() -> FilterParser.parse(query))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("filterQuery: longer than 4096 characters at position 4097");
    }

    @Test
    void deeply_nested_parentheses_are_refused() {
        String query = "(".repeat(65) + "a = 1" + ")".repeat(65);

        assertThatThrownBy(() -> FilterParser.parse(query))
                .isInstanceOf(FilterSyntaxException.class)
                .hasMessage("filterQuery: parentheses nested deeper than 64 at position 65");
        assertThat(parse("(".repeat(64) + "a = 1" + ")".repeat(64))).isEqualTo(a());
    }

    private static Filter parse(String query) {
        return FilterParser.parse(query).orElseThrow();
    }

    private static Literal value(String written) {
        return ((Comparison) parse("p = " + written)).value();
    }

    private static Property property(String written) {
        return ((Comparison) parse(written + " = 1")).property();
    }

    private static Comparison is(String name, Operator op, Literal value) {
        return new Comparison(Property.named(name), op, value);
    }

    private static Comparison a() {
        return is("a", Operator.EQ, new Int(1));
    }

    private static Comparison b() {
        return is("b", Operator.EQ, new Int(2));
    }

    private static Comparison c() {
        return is("c", Operator.EQ, new Int(3));
    }
}
