package io.ponte.pipelines.core.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelTest {

    final Map<String, Object> values =
            Map.of("coin", "heads", "n", "7", "m", 3, "d", 0.5, "item", 1, "list", List.of(1, 2));

    private boolean holds(String expr) {
        return Cel.condition(expr, values);
    }

    @Test
    void evaluates_what_the_sdk_emits_for_if_elif_else() {
        assertThat(holds("inputs.parameter_values['coin'] == 'heads'")).isTrue();
        assertThat(holds("!(inputs.parameter_values['coin'] == 'heads')")).isFalse();
        assertThat(holds("int(inputs.parameter_values['n']) > 5")).isTrue();
        assertThat(holds("int(inputs.parameter_values['n']) <= 5")).isFalse();
        assertThat(holds("!(inputs.parameter_values['coin'] == 'tails') && !(int(inputs.parameter_values['n']) > 9)"))
                .isTrue();
        assertThat(holds("inputs.parameter_values['coin'] != 'heads' || inputs.parameter_values['m'] >= 3"))
                .isTrue();
        assertThat(holds("inputs.parameters['coin'].parameter_value == \"heads\""))
                .isTrue();
        assertThat(holds("double(inputs.parameter_values['d']) < 1.0 && string(inputs.parameter_values['m']) == '3'"))
                .isTrue();
        assertThat(holds("inputs.parameter_values['item'] == '1'"))
                .as("loop items compare with their text")
                .isTrue();
        assertThat(holds("2 in inputs.parameter_values['list'] && size(inputs.parameter_values['list']) == 2"))
                .isTrue();
        assertThat(holds("inputs.parameter_values['m'] * 2 + 1 == 7 ? true : false"))
                .isTrue();
    }

    @Test
    void rejects_malformed_expressions_and_non_boolean_results() {
        assertThatThrownBy(() -> Cel.parse("inputs.parameter_values['x'] ==")).isInstanceOf(CelException.class);
        assertThatThrownBy(() -> Cel.parse("a ^ b"))
                .isInstanceOf(CelException.class)
                .hasMessageContaining("unexpected character");
        assertThatThrownBy(() -> holds("inputs.parameter_values['coin']")).hasMessageContaining("not a boolean");
        assertThatThrownBy(() -> holds("inputs.parameter_values['missing'] == 1"))
                .hasMessageContaining("no such key: missing");
        assertThatThrownBy(() -> holds("int(inputs.parameter_values['coin']) > 1"))
                .hasMessageContaining("int() cannot convert");
    }

    @Test
    void selects_fields_with_parse_json_as_parameter_expression_selectors_do() {
        Object v = Cel.parse("parseJson(string_value)[\"B_b\"]")
                .eval(Map.of("string_value", "{\"A_a\": \"x\", \"B_b\": [1, 2]}"));
        assertThat(v).isEqualTo(List.of(1L, 2L));
    }
}
