package io.ponte.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomPropertiesTest {
    @Test
    void whole_numbers_that_fit_a_long_are_ints_written_as_strings() {
        assertThat(CustomProperties.value("42"))
                .isEqualTo(Map.of("metadataType", "MetadataIntValue", "int_value", "42"));
        assertThat(CustomProperties.value("-7")).containsEntry("int_value", "-7");
        assertThat(CustomProperties.value("9223372036854775807")).containsEntry("metadataType", "MetadataIntValue");
    }

    @Test
    void other_numbers_are_doubles() {
        assertThat(CustomProperties.value("0.93"))
                .isEqualTo(Map.of("metadataType", "MetadataDoubleValue", "double_value", 0.93));
        assertThat(CustomProperties.value("1e-3")).containsEntry("double_value", 0.001);
        assertThat(CustomProperties.value("9223372036854775808")).containsEntry("metadataType", "MetadataDoubleValue");
    }

    @Test
    void true_and_false_in_any_case_are_bools() {
        assertThat(CustomProperties.value("true"))
                .isEqualTo(Map.of("metadataType", "MetadataBoolValue", "bool_value", true));
        assertThat(CustomProperties.value("FALSE")).containsEntry("bool_value", false);
    }

    @Test
    void everything_else_stays_a_string_as_typed() {
        for (String text : new String[] {"apache-2.0", "007", "+5", "NaN", "Infinity", "1.", ".5", "0x10", "", "yes"}) {
            assertThat(CustomProperties.value(text))
                    .as(text)
                    .isEqualTo(Map.of("metadataType", "MetadataStringValue", "string_value", text));
        }
    }

    @Test
    void properties_keep_their_order() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("z", "1");
        given.put("a", "x");

        assertThat(CustomProperties.of(given).keySet()).containsExactly("z", "a");
    }
}
