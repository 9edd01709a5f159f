package io.ponte.pipelines.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.spi.Page;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.TaskRecord;
import java.util.List;

/**
 * Runs on the wire, in the shape of KFP v2beta1's {@code Run} (snake_case, RFC 3339 times, {@code
 * error} as {@code {"message"}}), plus Ponte's {@code pipeline_name} and {@code enable_caching}.
 */
final class RunJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private RunJson() {}

    /** The run as listed: no spec, no tasks. */
    static ObjectNode summary(RunRecord run) {
        ObjectNode n = JSON.createObjectNode();
        n.put("run_id", run.id());
        n.put("display_name", run.displayName());
        n.put("pipeline_name", run.pipelineName());
        ObjectNode config = n.putObject("runtime_config");
        config.set("parameters", JSON.valueToTree(run.parameters()));
        config.put("pipeline_root", run.pipelineRoot());
        n.put("enable_caching", run.cachingEnabled());
        n.put("state", run.state().name());
        run.error().ifPresent(e -> n.putObject("error").put("message", e));
        n.put("created_at", run.createdAt().toString());
        run.finishedAt().ifPresent(t -> n.put("finished_at", t.toString()));
        n.put("revision", run.revision());
        return n;
    }

    /** The run with its pipeline spec and every task ({@code run_details.task_details}). */
    static ObjectNode full(RunRecord run, List<TaskRecord> tasks) {
        ObjectNode n = summary(run);
        n.set("pipeline_spec", spec(run.pipelineSpec()));
        ArrayNode details = n.putObject("run_details").putArray("task_details");
        tasks.forEach(t -> details.add(TaskJson.task(t)));
        return n;
    }

    static ObjectNode page(Page<RunRecord> page) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode runs = n.putArray("runs");
        page.items().forEach(r -> runs.add(summary(r)));
        n.put("total_size", page.totalSize());
        page.nextPageToken().ifPresent(t -> n.put("next_page_token", t));
        return n;
    }

    /** The stored spec is JSON; one that is not (an older record) is returned as a string. */
    private static JsonNode spec(String stored) {
        try {
            return JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(stored);
        }
    }
}
