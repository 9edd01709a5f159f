package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JinjaSubsetTest {

    @Test
    void renders_plain_names_with_or_without_inner_spaces() {
        String out = JinjaSubset.render(
                "name: hello-{{ uuid }}\nns: {{namespace}}", Map.of("uuid", "u-1", "namespace", "interlink"));

        assertThat(out).isEqualTo("name: hello-u-1\nns: interlink");
    }

    @Test
    void tojson_sorts_keys_and_uses_python_separators() {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put("slurm-job.vk.io/image-root", "docker://");
        annotations.put("slurm-job.vk.io/flags", "--job-name=test-pod-cfg -t 2800");
        List<Object> tolerations = List.of(
                Map.of("key", "virtual-node.interlink/no-schedule", "operator", "Exists", "effect", "NoSchedule"));

        String out = JinjaSubset.render(
                "a: {{ annotations | tojson }}\nt: {{ tolerations|tojson }}",
                Map.of("annotations", annotations, "tolerations", tolerations));

        assertThat(out)
                .isEqualTo(
                        "a: {\"slurm-job.vk.io/flags\": \"--job-name=test-pod-cfg -t 2800\", "
                                + "\"slurm-job.vk.io/image-root\": \"docker://\"}\n"
                                + "t: [{\"effect\": \"NoSchedule\", \"key\": \"virtual-node.interlink/no-schedule\", \"operator\": \"Exists\"}]");
    }

    @Test
    void tojson_escapes_html_characters_and_everything_outside_ascii() {
        String out = JinjaSubset.render("{{ v | tojson }}", Map.of("v", "<a & 'b'> \"q\" \\ é 🤩\n\u007f"));

        assertThat(out)
                .isEqualTo(
                        "\"\\u003ca \\u0026 \\u0027b\\u0027\\u003e \\\"q\\\" \\\\ \\u00e9 \\ud83e\\udd29\\n\u007f\"");
    }

    @Test
    void tojson_writes_numbers_booleans_and_null_as_python_does() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("f", 10.0);
        v.put("i", 3);
        v.put("b", true);
        v.put("n", null);

        assertThat(JinjaSubset.render("{{ v | tojson }}", Map.of("v", v)))
                .isEqualTo("{\"b\": true, \"f\": 10.0, \"i\": 3, \"n\": null}");
    }

    @Test
    void statements_and_comments_fail_with_their_line() {
        assertThatThrownBy(() -> JinjaSubset.render("a\n{% if x %}b{% endif %}", Map.of()))
                .isInstanceOf(JinjaSubset.TemplateException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> JinjaSubset.render("{# note #}", Map.of()))
                .isInstanceOf(JinjaSubset.TemplateException.class);
    }

    @Test
    void unknown_filters_attribute_access_and_undefined_names_fail() {
        assertThatThrownBy(() -> JinjaSubset.render("{{ uuid | upper }}", Map.of("uuid", "x")))
                .hasMessageContaining("unsupported filter");
        assertThatThrownBy(() -> JinjaSubset.render("{{ values.namespace }}", Map.of("values", "x")))
                .hasMessageContaining("unsupported expression");
        assertThatThrownBy(() -> JinjaSubset.render("x\ny: {{ target }}", Map.of("uuid", "x")))
                .hasMessageContaining("line 2")
                .hasMessageContaining("no value for 'target'");
    }

    @Test
    void a_mapping_without_tojson_fails_instead_of_printing_a_repr() {
        assertThatThrownBy(() -> JinjaSubset.render("{{ annotations }}", Map.of("annotations", Map.of("a", "b"))))
                .hasMessageContaining("use '| tojson'");
    }
}
