package io.ponte.pipelines.adapter.kubernetes;

import io.ponte.pipelines.spi.TaskLaunch;
import java.util.List;

/** Variations of a launch. */
final class Launches {
    private Launches() {}

    /** The launch running {@code sh -c script} (what the simulated kubelet can run on this host). */
    static TaskLaunch shell(TaskLaunch l, String script) {
        return new TaskLaunch(
                l.runId(),
                l.taskPath(),
                l.attempt(),
                l.image(),
                List.of("sh", "-c"),
                List.of(script),
                l.env(),
                l.resources(),
                l.workDir(),
                l.mounts(),
                l.logFile(),
                l.labels(),
                l.placement(),
                l.timeout());
    }
}
