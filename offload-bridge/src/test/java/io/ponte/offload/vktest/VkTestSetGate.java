package io.ponte.offload.vktest;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The regression gate shared by the per-backend suites: runs the whole vk-test-set against the
 * bridge this {@code @QuarkusTest} started, prints the table, and compares it with the expected
 * table of the backend in the module README ({@code <!-- vktest:BACKEND -->}). The build fails
 * when a template listed as passed does not pass, and also when the table is stale the other way
 * (a template now passes, or now fails differently, than listed): the README is what users read,
 * so it must say what the build measured; the failure message carries the fresh table to paste.
 *
 * <p>System properties: {@code vktest.timeout-multiplier} (default 3 instead of the suite's 10:
 * passing templates end as soon as their checks hold, and 3 bounds how long a broken one can keep
 * the build waiting),
 * {@code vktest.parallel} (templates at once, default 2), {@code vktest.status-period} (how often
 * each pod's status is asked, default {@code PT1S}; interLink's VK asks every 5 s).
 */
abstract class VkTestSetGate {

    /** Profile overrides plus the settings every vk-test-set run uses (the mock server logs each request at INFO). */
    static Map<String, String> withQuietMockServer(Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(overrides);
        all.put("quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
        all.put("quarkus.log.category.\"io.fabric8.kubernetes.client\".level", "WARN");
        return all;
    }

    /** {@code -Dvktest.only=000-hello-world,010-simple-python} runs just those (the gate then only checks them). */
    private static java.util.function.Predicate<String> only() {
        String only = System.getProperty("vktest.only", "");
        if (only.isBlank()) {
            return id -> true;
        }
        java.util.Set<String> ids = java.util.Set.of(only.split(","));
        return ids::contains;
    }

    /** The README block name, e.g. {@code local}. */
    abstract String backend();

    void runsTheSuiteWithoutRegressions() throws IOException {
        Path suite = SharedSuite.dir().orElse(null);
        Assumptions.assumeTrue(suite != null, SharedSuite::absent);
        URI plugin = URI.create("http://127.0.0.1:" + RestAssured.port);
        VkTestSuite.Options options = new VkTestSuite.Options(
                plugin,
                Optional.empty(),
                suite,
                Optional.of(Double.parseDouble(System.getProperty("vktest.timeout-multiplier", "3"))),
                Integer.getInteger("vktest.parallel", 2),
                Duration.parse(System.getProperty("vktest.status-period", "PT1S")),
                only());

        List<TemplateResult> results = VkTestSuite.run(options);

        String table = ResultTable.markdown(results);
        System.out.println("vk-test-set against the " + backend() + " backend:\n" + ResultTable.timings(results));
        Path readme = Path.of(System.getProperty("user.dir"), "README.md");
        String text = Files.isRegularFile(readme) ? Files.readString(readme) : "";
        Map<String, TemplateResult.Result> expected = ResultTable.expected(text, backend());
        String paste = "\nThe " + backend() + " table this run measured (paste it between <!-- vktest:" + backend()
                + " --> and <!-- /vktest:" + backend() + " --> in offload-bridge/README.md):\n" + table;
        assertThat(expected)
                .as("README.md has no vk-test-set table for the " + backend() + " backend" + paste)
                .isNotEmpty();
        assertThat(ResultTable.regressions(expected, results))
                .as("templates listed as passed in README.md that no longer pass" + paste)
                .isEmpty();
        assertThat(ResultTable.staleRows(expected, results))
                .as("README.md's vk-test-set table is stale" + paste)
                .isEmpty();
    }
}
