package io.ponte.pipelines.core.plan;

import io.ponte.pipelines.core.ir.PipelineIr;
import java.util.List;
import java.util.Map;

/**
 * The static plan of a pipeline: every task of every DAG (nested DAGs expanded, iterations not),
 * with its dependencies and the executor that will run it.
 *
 * @param ir the pipeline
 * @param tasks the tasks by path, parents before children, in IR order within a DAG
 * @param edges dependency edges between sibling tasks
 */
public record Plan(PipelineIr ir, Map<String, PlannedTask> tasks, List<Edge> edges) {

    /** {@code to} waits for {@code from}. */
    public record Edge(String from, String to) {}

    /** The tasks directly in the root DAG. */
    public List<PlannedTask> topLevel() {
        return tasks.values().stream().filter(t -> t.parent().equals("root")).toList();
    }
}
