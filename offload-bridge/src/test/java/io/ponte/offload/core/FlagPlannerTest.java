package io.ponte.offload.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Scheduler flag precedence: configuration < flavor < annotation < derived from limits. */
class FlagPlannerTest {
    private static final Flavor GPU = new Flavor(
            "gpu", Optional.of(8), Optional.of(65536L), Optional.of(1), List.of("--partition=boost", "--time=60"));

    private final FlagPlanner planner = new FlagPlanner(new PlannerSettings(
            Path.of("pods"),
            "subprocess",
            Map.of("gpu", GPU),
            Optional.empty(),
            List.of("--partition=debug", "--account=ai")));

    private static final JobResources NONE = new JobResources(Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void a_flavor_overrides_configuration_and_an_annotation_overrides_the_flavor() {
        List<String> flags = planner.flags(
                Map.of(Annotations.FLAVOR, "gpu", Annotations.FLAGS, "-t 2800 --qos=high --exclusive"), NONE);

        assertThat(flags)
                .containsExactlyInAnyOrder(
                        "--partition=boost",
                        "--account=ai",
                        "--cpus-per-task=8",
                        "--mem=65536M",
                        "--gres=gpu:1",
                        "--time=2800",
                        "--qos=high",
                        "--exclusive");
    }

    @Test
    void limits_override_the_annotation_and_the_flavor() {
        JobResources limits = new JobResources(Optional.of(2), Optional.of(512L), Optional.of(2));

        List<String> flags = planner.flags(
                Map.of(Annotations.FLAVOR, "gpu", Annotations.FLAGS, "--mem=1G --cpus-per-task=16 -c 4"), limits);

        assertThat(flags)
                .contains("--cpus-per-task=2", "--mem=512M", "--gres=gpu:2")
                .doesNotContain("--mem=1G");
        assertThat(flags.stream().filter(f -> f.startsWith("--cpus-per-task"))).hasSize(1);
    }

    @Test
    void short_options_fold_into_long_ones() {
        assertThat(planner.flags(Map.of(Annotations.FLAGS, "--job-name=test-pod-cfg -t 2800 -p gpu -J x"), NONE))
                .contains("--time=2800", "--partition=gpu", "--job-name=x")
                .doesNotContain("--job-name=test-pod-cfg", "--partition=debug");
    }

    @Test
    void an_unknown_flavor_and_a_word_that_is_no_option_are_refused() {
        assertThatThrownBy(() -> planner.flags(Map.of(Annotations.FLAVOR, "huge"), NONE))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("huge")
                .hasMessageContaining("gpu");
        assertThatThrownBy(() -> planner.flags(Map.of(Annotations.FLAGS, "rm -rf /"), NONE))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("'rm'");
    }

    @Test
    void a_line_break_cannot_smuggle_another_directive() {
        assertThatThrownBy(() -> planner.flags(Map.of(Annotations.FLAGS, "--comment='a\n#SBATCH --uid=0'"), NONE))
                .isInstanceOf(PodRejectedException.class)
                .hasMessageContaining("line break");
    }
}
