package io.ponte.pipelines.core.ir;

/** Where a task's input artifact comes from. */
public sealed interface ArtifactInput {

    /** An output artifact of a sibling task. */
    record TaskOutput(String producerTask, String outputKey) implements ArtifactInput {}

    /** An input artifact of the enclosing component. */
    record ComponentInput(String name) implements ArtifactInput {}
}
