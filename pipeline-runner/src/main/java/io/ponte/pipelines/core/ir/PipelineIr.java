package io.ponte.pipelines.core.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed and checked KFP pipeline: the PipelineSpec and, when the file has a second YAML document,
 * its PlatformSpec.
 *
 * @param name {@code pipelineInfo.name}
 * @param displayName {@code pipelineInfo.displayName}, else the name
 * @param description {@code pipelineInfo.description}
 * @param root the root component (its DAG is the pipeline)
 * @param components the components by name ({@code comp-...})
 * @param executors the executors by label ({@code deploymentSpec.executors})
 * @param defaultPipelineRoot {@code defaultPipelineRoot}, when the IR sets one
 * @param schemaVersion the IR schema version
 * @param sdkVersion the SDK that compiled it
 * @param platformSpec the PlatformSpec document as given (Kubernetes settings per executor)
 * @param spec the PipelineSpec document as JSON, as submitted
 */
public record PipelineIr(
        String name,
        String displayName,
        Optional<String> description,
        ComponentIr root,
        Map<String, ComponentIr> components,
        Map<String, ExecutorIr> executors,
        Optional<String> defaultPipelineRoot,
        Optional<String> schemaVersion,
        Optional<String> sdkVersion,
        Optional<JsonNode> platformSpec,
        JsonNode spec) {

    /** The component a task refers to (validation guarantees it exists). */
    public ComponentIr component(String name) {
        ComponentIr c = components.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no component " + name);
        }
        return c;
    }

    /** The Kubernetes platform settings of one executor, when the PlatformSpec has any. */
    public Optional<JsonNode> kubernetesSettings(String executorLabel) {
        return platformSpec
                .map(p -> p.path("platforms")
                        .path("kubernetes")
                        .path("deploymentSpec")
                        .path("executors")
                        .path(executorLabel))
                .filter(n -> !n.isMissingNode());
    }
}
