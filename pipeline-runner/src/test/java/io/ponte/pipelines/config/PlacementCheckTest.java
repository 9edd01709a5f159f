package io.ponte.pipelines.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.core.plan.Routing;
import io.ponte.pipelines.spi.TaskLaunch.Placement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One way to say "this task runs on site X through executor Y", and start-up refuses anything else. */
class PlacementCheckTest {

    private static final Map<String, Set<String>> EXECUTORS = Map.of(
            "local", Set.of(),
            "kubernetes", Set.of("leonardo-vk"),
            "offload", Set.of("leonardo", "lumi"));

    private static Placement placement(String executor, String queue, String priority, String site) {
        return new Placement(
                executor, Optional.ofNullable(queue), Optional.ofNullable(priority), Optional.ofNullable(site));
    }

    @Test
    void placements_naming_a_configured_executor_and_one_of_its_sites_pass() {
        Routing routing = new Routing(
                "local",
                Map.of(
                        "gpu", placement("kubernetes", "team-a", "batch-high", null),
                        "hpc-via-k8s", placement("kubernetes", "hpc", null, "leonardo-vk"),
                        "hpc", placement("offload", null, null, "leonardo"),
                        "hpc-default-site", placement("offload", null, null, null),
                        "laptop", placement("local", null, null, null)));

        assertThat(PlacementCheck.problems(routing, EXECUTORS)).isEmpty();
    }

    @Test
    void a_site_is_looked_up_in_the_table_of_the_placement_s_own_executor() {
        Routing routing = new Routing(
                "local",
                Map.of(
                        "a", placement("kubernetes", null, null, "lumi"),
                        "b", placement("offload", null, null, "leonardo-vk")));

        assertThat(PlacementCheck.problems(routing, EXECUTORS))
                .containsExactlyInAnyOrder(
                        "ponte.pipelines.placements.a.site=lumi is not defined under"
                                + " ponte.pipelines.executors.kubernetes.placements (defined: [leonardo-vk])",
                        "ponte.pipelines.placements.b.site=leonardo-vk is not defined under"
                                + " ponte.pipelines.executors.offload.sites (defined: "
                                + EXECUTORS.get("offload") + ")");
    }

    @Test
    void keys_that_mean_nothing_for_the_executor_and_unknown_executors_are_refused() {
        Routing routing = new Routing(
                "slurm",
                Map.of(
                        "l", placement("local", "team-a", "high", "leonardo"),
                        "o", placement("offload", "team-a", null, "lumi"),
                        "x", placement("nomad", null, null, null)));

        assertThat(PlacementCheck.problems(routing, EXECUTORS))
                .anySatisfy(p -> assertThat(p).startsWith("ponte.pipelines.default-executor=slurm is not configured"))
                .contains(
                        "ponte.pipelines.placements.l.queue is for the kubernetes executor, not local",
                        "ponte.pipelines.placements.l.priority-class is for the kubernetes executor, not local",
                        "ponte.pipelines.placements.l.site is for the kubernetes and offload executors, not local",
                        "ponte.pipelines.placements.o.queue is for the kubernetes executor, not offload")
                .anySatisfy(
                        p -> assertThat(p).startsWith("ponte.pipelines.placements.x.executor=nomad is not configured"))
                .hasSize(6);
    }
}
