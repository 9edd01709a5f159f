package io.ponte.pipelines.core.ir;

import java.util.Optional;

/**
 * A ParallelFor: the task's component runs once per item.
 *
 * @param itemInput the input name each iteration receives its item under
 * @param source where the items come from
 * @param parallelismLimit at most this many iterations at once, 0 for no limit
 */
public record IteratorIr(String itemInput, Source source, int parallelismLimit) {

    /** Where the items come from. */
    public sealed interface Source {}

    /** {@code parameterIterator.items.raw}: a JSON list written in the IR. */
    public record RawItems(String json) implements Source {}

    /** {@code parameterIterator.items.inputParameter}: a list-valued input parameter of the task. */
    public record ParameterItems(String inputParameter) implements Source {}

    /** {@code artifactIterator.items.inputArtifact}: a list of artifacts. */
    public record ArtifactItems(String inputArtifact) implements Source {}

    public Optional<String> inputName() {
        return switch (source) {
            case ParameterItems p -> Optional.of(p.inputParameter());
            case ArtifactItems a -> Optional.of(a.inputArtifact());
            case RawItems r -> Optional.empty();
        };
    }
}
