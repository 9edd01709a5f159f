package io.ponte.bench.pipelines;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The settings a run used, after --quick and explicit options are resolved. */
record Params(
        boolean quick,
        List<String> sections,
        int tasks,
        int warmupTasks,
        int planRepeats,
        int repeats,
        int localTasks,
        int localRepeats,
        int resumeTrials,
        double resumeDowntimeSeconds,
        boolean keepDb,
        double startsTarget,
        double overheadTargetMs,
        double resumeTargetSeconds) {

    boolean has(String section) {
        return sections.contains(section);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("quick", quick)
                .put("sections", new JsonArray(sections))
                .put("tasks", tasks)
                .put("warmup_tasks", warmupTasks)
                .put("plan_repeats", planRepeats)
                .put("repeats", repeats)
                .put("local_tasks", localTasks)
                .put("local_repeats", localRepeats)
                .put("resume_trials", resumeTrials)
                .put("resume_downtime_s", resumeDowntimeSeconds)
                .put("starts_per_s_target", startsTarget)
                .put("overhead_ms_per_task_target", overheadTargetMs)
                .put("resume_s_target", resumeTargetSeconds);
    }
}
