package io.ponte.pipelines.core.ir;

import java.util.Map;
import java.util.Optional;

/**
 * A component: a container (through its executor label) or a DAG of tasks.
 *
 * @param name the component name ({@code comp-train}, or {@code root})
 * @param path where it is in the IR ({@code components.comp-train}, {@code root})
 * @param inputParameters input parameters by name
 * @param inputArtifacts input artifacts by name
 * @param outputParameters output parameters by name
 * @param outputArtifacts output artifacts by name
 * @param executorLabel the executor, for a container component
 * @param dag the DAG, for a DAG component
 */
public record ComponentIr(
        String name,
        String path,
        Map<String, ParameterDef> inputParameters,
        Map<String, ArtifactDef> inputArtifacts,
        Map<String, ParameterDef> outputParameters,
        Map<String, ArtifactDef> outputArtifacts,
        Optional<String> executorLabel,
        Optional<DagIr> dag) {

    public boolean isDag() {
        return dag.isPresent();
    }
}
