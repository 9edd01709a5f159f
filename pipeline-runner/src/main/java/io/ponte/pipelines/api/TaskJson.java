package io.ponte.pipelines.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.TaskRecord;
import java.util.List;

/**
 * Tasks on the wire, in the shape of KFP v2beta1's {@code PipelineTaskDetail} ({@code task_id},
 * {@code display_name}, {@code state}, {@code start_time}, {@code end_time}, {@code inputs}, {@code
 * outputs}) plus what KFP cannot tell: the attempts, the executor and its reference, and {@code
 * status_detail}, the human explanation of a cache hit, a Kueue admission state or a skip.
 */
final class TaskJson {

    private TaskJson() {}

    static ObjectNode task(TaskRecord t) {
        ObjectNode n = RunJson.JSON.createObjectNode();
        n.put("task_id", t.taskPath());
        n.put("display_name", t.taskName());
        n.put("state", t.state().name());
        n.put("attempts", t.attempts());
        t.executor().ifPresent(v -> n.put("executor", v));
        t.executorRef().ifPresent(v -> n.put("executor_ref", v));
        t.cacheKey().ifPresent(v -> n.put("cache_key", v));
        t.statusDetail().ifPresent(v -> n.put("status_detail", v));
        t.startedAt().ifPresent(v -> n.put("start_time", v.toString()));
        t.finishedAt().ifPresent(v -> n.put("end_time", v.toString()));
        t.error().ifPresent(v -> n.putObject("error").put("message", v));
        n.putObject("inputs").set("parameters", RunJson.JSON.valueToTree(t.inputParameters()));
        ObjectNode outputs = n.putObject("outputs");
        outputs.set("parameters", RunJson.JSON.valueToTree(t.outputParameters()));
        ObjectNode artifacts = outputs.putObject("artifacts");
        t.outputArtifacts().forEach((name, refs) -> {
            ArrayNode list = artifacts.putArray(name);
            refs.forEach(r -> list.add(artifact(r)));
        });
        return n;
    }

    /** A task with {@code attempt_details}, oldest first. */
    static ObjectNode withAttempts(TaskRecord t, List<AttemptRecord> attempts) {
        ObjectNode n = task(t);
        ArrayNode list = n.putArray("attempt_details");
        attempts.forEach(a -> list.add(attempt(a)));
        return n;
    }

    static ObjectNode attempt(AttemptRecord a) {
        ObjectNode n = RunJson.JSON.createObjectNode();
        n.put("attempt", a.attempt());
        n.put("state", a.state().name());
        n.put("executor", a.executor());
        a.executorRef().ifPresent(v -> n.put("executor_ref", v));
        a.exitCode().ifPresent(v -> n.put("exit_code", v));
        a.logUri().ifPresent(v -> n.put("log_uri", v));
        n.put("start_time", a.startedAt().toString());
        a.finishedAt().ifPresent(v -> n.put("end_time", v.toString()));
        a.error().ifPresent(v -> n.putObject("error").put("message", v));
        return n;
    }

    private static ObjectNode artifact(ArtifactRef r) {
        ObjectNode n = RunJson.JSON.createObjectNode();
        n.put("name", r.name());
        n.put("uri", r.uri());
        n.put("schema_title", r.schemaTitle());
        n.set("metadata", RunJson.JSON.valueToTree(r.metadata()));
        r.sha256().ifPresent(h -> n.put("sha256", h));
        return n;
    }
}
