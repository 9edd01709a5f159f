package io.ponte.pipelines.core.ir;

import java.util.List;
import java.util.Map;

/**
 * The DAG of a component.
 *
 * @param tasks the tasks by name, in document order
 * @param outputParameters the DAG's output parameters: where each value comes from
 * @param outputArtifacts the DAG's output artifacts: which subtask outputs they select
 */
public record DagIr(
        Map<String, TaskIr> tasks,
        Map<String, DagOutputParameter> outputParameters,
        Map<String, List<OutputSelector>> outputArtifacts) {

    /**
     * A DAG output parameter: one selector ({@code valueFromParameter}) or the first of several that
     * ran ({@code valueFromOneof}, for If / Elif / Else).
     */
    public record DagOutputParameter(List<OutputSelector> selectors, boolean oneOf) {}

    /** An output of a subtask: {@code producerSubtask} and its output key. */
    public record OutputSelector(String producerSubtask, String outputKey) {}
}
