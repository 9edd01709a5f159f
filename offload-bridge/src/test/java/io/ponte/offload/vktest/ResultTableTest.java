package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    private static final String README = """
            # offload-bridge
            ## vk-test-set results
            <!-- vktest:local -->
            | template | result | reason |
            |---|---|---|
            | 000-hello-world | passed |  |
            | 050-limits | not applicable | needs `pip install numpy` \\| more |
            | 060-init-container | failed | x |
            <!-- /vktest:local -->
            <!-- vktest:slurm -->
            | template | result | reason |
            |---|---|---|
            | 000-hello-world | not applicable | y |
            <!-- /vktest:slurm -->
            """;

    private static TemplateResult r(String id, TemplateResult.Result result) {
        return new TemplateResult(id, result, "why | not", Duration.ofSeconds(1));
    }

    @Test
    void reads_the_expected_results_of_one_backend_from_its_block() {
        assertThat(ResultTable.expected(README, "local"))
                .containsExactly(
                        Map.entry("000-hello-world", TemplateResult.Result.PASSED),
                        Map.entry("050-limits", TemplateResult.Result.NOT_APPLICABLE),
                        Map.entry("060-init-container", TemplateResult.Result.FAILED));
        assertThat(ResultTable.expected(README, "slurm")).containsOnlyKeys("000-hello-world");
        assertThat(ResultTable.expected(README, "podman")).isEmpty();
    }

    @Test
    void a_template_listed_as_passed_that_no_longer_passes_is_a_regression() {
        var expected = ResultTable.expected(README, "local");

        List<String> regressions = ResultTable.regressions(
                expected,
                List.of(
                        r("000-hello-world", TemplateResult.Result.FAILED),
                        r("050-limits", TemplateResult.Result.FAILED),
                        r("060-init-container", TemplateResult.Result.FAILED)));

        assertThat(regressions).singleElement().asString().startsWith("000-hello-world: listed as passed, now failed");
        assertThat(ResultTable.regressions(expected, List.of()))
                .singleElement()
                .asString()
                .contains("did not run");
    }

    @Test
    void a_result_better_or_different_than_listed_makes_the_table_stale() {
        var expected = ResultTable.expected(README, "local");

        List<String> stale = ResultTable.staleRows(
                expected,
                List.of(
                        r("000-hello-world", TemplateResult.Result.PASSED),
                        r("050-limits", TemplateResult.Result.PASSED),
                        r("060-init-container", TemplateResult.Result.FAILED),
                        r("999-new", TemplateResult.Result.PASSED)));

        assertThat(stale)
                .containsExactly(
                        "050-limits: listed as not applicable, now passed",
                        "999-new: not in the README table (now passed)");
    }

    @Test
    void the_printed_table_round_trips_through_the_parser() {
        List<TemplateResult> results = List.of(
                r("000-hello-world", TemplateResult.Result.PASSED),
                r("050-limits", TemplateResult.Result.NOT_APPLICABLE));

        String readme = "<!-- vktest:local -->\n" + ResultTable.markdown(results) + "<!-- /vktest:local -->\n";

        assertThat(ResultTable.markdown(results)).contains("| why \\| not |");
        assertThat(ResultTable.expected(readme, "local"))
                .containsExactly(
                        Map.entry("000-hello-world", TemplateResult.Result.PASSED),
                        Map.entry("050-limits", TemplateResult.Result.NOT_APPLICABLE));
    }
}
