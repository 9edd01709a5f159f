package io.ponte.pipelines.peer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Facts read straight from the IR tree, independently of the parser and planner: the task paths
 * of every DAG (nested DAG components expanded) and the dependency edges (dependentTasks plus the
 * producers of task-output inputs).
 */
final class IrFacts {

    final Set<String> tasks = new LinkedHashSet<>();
    final Set<String> edges = new LinkedHashSet<>();
    final List<JsonNode> executors = new ArrayList<>();
    /** The component of each task path. */
    final java.util.Map<String, JsonNode> components = new java.util.LinkedHashMap<>();

    IrFacts(JsonNode spec) {
        walk(spec, spec.path("root"), "root");
        spec.path("deploymentSpec").path("executors").forEach(executors::add);
    }

    private void walk(JsonNode spec, JsonNode component, String prefix) {
        component.path("dag").path("tasks").fields().forEachRemaining(e -> {
            String path = prefix + "/" + e.getKey();
            tasks.add(path);
            JsonNode task = e.getValue();
            Set<String> upstream = new LinkedHashSet<>();
            task.path("dependentTasks").forEach(d -> upstream.add(d.asText()));
            task.path("inputs").path("parameters").forEach(p -> {
                upstream.add(p.path("taskOutputParameter").path("producerTask").asText(""));
                upstream.add(p.path("taskFinalStatus").path("producerTask").asText(""));
            });
            task.path("inputs")
                    .path("artifacts")
                    .forEach(a -> upstream.add(
                            a.path("taskOutputArtifact").path("producerTask").asText("")));
            upstream.remove("");
            upstream.forEach(u -> edges.add(prefix + "/" + u + " -> " + path));
            JsonNode child = spec.path("components")
                    .path(task.path("componentRef").path("name").asText());
            components.put(path, child);
            if (child.has("dag")) {
                walk(spec, child, path);
            }
        });
    }

    /** Every string of every container's command and args. */
    List<String> commandText() {
        List<String> out = new ArrayList<>();
        for (JsonNode e : executors) {
            e.path("container").path("command").forEach(c -> out.add(c.asText()));
            e.path("container").path("args").forEach(c -> out.add(c.asText()));
        }
        return out;
    }
}
