package io.ponte.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parses_objects_in_document_order_with_every_kind_of_value() {
        Object value = Json.parse("""
                { "z": "text", "a": [1, -2.5e3, true, false, null], "m": {"nested": {}} , "e": [] }""");

        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        assertThat(map.keySet()).containsExactly("z", "a", "m", "e");
        assertThat(map.get("a"))
                .isEqualTo(Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null));
        assertThat(map.get("m")).isEqualTo(Map.of("nested", Map.of()));
        assertThat(map.get("e")).isEqualTo(List.of());
    }

    @Test
    void strings_keep_escapes_and_non_ascii_text_both_ways() {
        String text = "quote \" backslash \\ slash / tab \t newline \n bell \u0007 é 模型 😀";

        String written = Json.write(Map.of("s", text));

        assertThat(written).doesNotContain("\n").contains("\\u0007");
        assertThat(Json.parse(written)).isEqualTo(Map.of("s", text));
        assertThat(Json.parse("\"\\u00e9\\/\\b\\f\\r\"")).isEqualTo("é/\b\f\r");
    }

    @Test
    void pretty_indents_by_two_spaces_and_write_keeps_one_line() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("items", List.of(Map.of("id", "1")));
        value.put("size", 1);
        value.put("none", null);
        value.put("empty", Map.of());

        assertThat(Json.write(value)).isEqualTo("{\"items\":[{\"id\":\"1\"}],\"size\":1,\"none\":null,\"empty\":{}}");
        assertThat(Json.pretty(value)).isEqualTo("""
                        {
                          "items": [
                            {
                              "id": "1"
                            }
                          ],
                          "size": 1,
                          "none": null,
                          "empty": {}
                        }""");
    }

    @Test
    void what_is_not_json_is_refused_with_its_offset() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid JSON at offset 7: expected a member name in double quotes");
        assertThatThrownBy(() -> Json.parse("<html>")).hasMessageContaining("offset 0");
        assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("end of input");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Json.parse("01")).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> Json.parse("-")).hasMessageContaining("expected a digit");
        assertThatThrownBy(() -> Json.parse("[".repeat(1000))).hasMessageContaining("nested deeper");
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void json_object_reads_numbers_and_strings_alike_as_text() {
        JsonObject object = JsonObject.parse("""
                {"id":"7","size":1700000000000,"ok":true,"nested":{"x":"y"},"items":[{"a":1},2]}""");

        assertThat(object.text("id")).contains("7");
        assertThat(object.text("size")).contains("1700000000000");
        assertThat(object.text("ok")).contains("true");
        assertThat(object.text("nested")).isEmpty();
        assertThat(object.text("missing", "-")).isEqualTo("-");
        assertThat(object.object("nested").orElseThrow().text("x")).contains("y");
        assertThat(object.objects("items")).hasSize(1);
        assertThatThrownBy(() -> JsonObject.parse("[]")).hasMessage("expected a JSON object");
    }
}
