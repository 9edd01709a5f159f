package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.TaskState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An importer task: records the artifact at its URI (constant or from an input) as its output. */
final class Importing {

    private Importing() {}

    static void importArtifact(RunExecution run, Node node) {
        ExecutorIr.Importer imp = (ExecutorIr.Importer) node.executor;
        String uri = imp.constantUri()
                .orElseGet(
                        () -> String.valueOf(node.inputs.get(imp.uriParameter().orElseThrow())));
        Map<String, Object> metadata = Importers.metadata(imp.metadata(), node.inputs);
        String output =
                node.component.outputArtifacts().keySet().stream().findFirst().orElse("artifact");
        node.outputArtifacts.put(
                output, List.of(new ArtifactRef(output, uri, imp.schemaTitle(), metadata, Optional.empty())));
        run.finish(node, TaskState.SUCCEEDED, Optional.of("imported " + uri), Optional.empty());
    }
}
