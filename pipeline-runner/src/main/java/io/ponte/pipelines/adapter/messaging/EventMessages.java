package io.ponte.pipelines.adapter.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.TaskRecord;
import java.time.Instant;

/**
 * The wire form of events: one JSON object per change, {@code type} first. Field names are fixed
 * here (consumers outside the process read them), not derived from Java classes.
 *
 * <pre>
 * {"type":"RUN_CHANGED","runId":…,"displayName":…,"pipelineName":…,"state":"RUNNING","error":…,
 *  "createdAt":…,"finishedAt":…,"revision":3,"emittedAt":…}
 * {"type":"TASK_CHANGED","runId":…,"taskPath":"root/train","taskName":"train","state":"CACHED",
 *  "attempts":1,"executor":"local","statusDetail":…,"error":…,"revision":2,"emittedAt":…}
 * </pre>
 */
final class EventMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventMessages() {}

    static String run(RunRecord run, Instant now) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", "RUN_CHANGED");
        e.put("runId", run.id());
        e.put("displayName", run.displayName());
        e.put("pipelineName", run.pipelineName());
        e.put("state", run.state().name());
        run.error().ifPresent(v -> e.put("error", v));
        e.put("createdAt", run.createdAt().toString());
        run.finishedAt().ifPresent(v -> e.put("finishedAt", v.toString()));
        e.put("revision", run.revision());
        e.put("emittedAt", now.toString());
        return e.toString();
    }

    static String task(TaskRecord task, Instant now) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", "TASK_CHANGED");
        e.put("runId", task.runId());
        e.put("taskPath", task.taskPath());
        e.put("taskName", task.taskName());
        e.put("state", task.state().name());
        e.put("attempts", task.attempts());
        task.executor().ifPresent(v -> e.put("executor", v));
        task.statusDetail().ifPresent(v -> e.put("statusDetail", v));
        task.error().ifPresent(v -> e.put("error", v));
        task.startedAt().ifPresent(v -> e.put("startedAt", v.toString()));
        task.finishedAt().ifPresent(v -> e.put("finishedAt", v.toString()));
        e.put("revision", task.revision());
        e.put("emittedAt", now.toString());
        return e.toString();
    }
}
