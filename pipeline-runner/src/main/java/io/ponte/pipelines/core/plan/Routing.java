package io.ponte.pipelines.core.plan;

import io.ponte.pipelines.spi.TaskLaunch.Placement;
import java.util.Map;

/**
 * How tasks are routed to executors: the default executor, and named placements a task can ask for
 * with the pod label {@value #PLACEMENT_LABEL} (KFP SDK: {@code kubernetes.add_pod_label(task,
 * "ponte.io/placement", "hpc")}) or a node selector with the same key.
 *
 * @param defaultExecutor the executor of tasks that ask for no placement
 * @param placements named placements
 */
public record Routing(String defaultExecutor, Map<String, Placement> placements) {

    /** The pod label / node selector key that names a placement. */
    public static final String PLACEMENT_LABEL = "ponte.io/placement";

    public static Routing local() {
        return new Routing("local", Map.of());
    }

    public Routing withDefault(String executor) {
        return new Routing(executor, placements);
    }
}
