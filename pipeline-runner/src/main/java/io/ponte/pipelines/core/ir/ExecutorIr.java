package io.ponte.pipelines.core.ir;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.spi.TaskLaunch.Resources;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An executor of {@code deploymentSpec.executors}. */
public sealed interface ExecutorIr {

    String label();

    /**
     * A container.
     *
     * @param image the image reference
     * @param command the entrypoint, with placeholders
     * @param args the arguments, with placeholders
     * @param env environment variables, in IR order (values may hold placeholders)
     * @param resources requests, limits and accelerators
     */
    record Container(
            String label,
            String image,
            List<String> command,
            List<String> args,
            Map<String, String> env,
            Resources resources)
            implements ExecutorIr {}

    /**
     * An importer: makes an existing URI an artifact.
     *
     * @param constantUri the URI when the IR gives it as a constant
     * @param uriParameter the task input parameter holding the URI otherwise
     * @param schemaTitle the artifact type
     * @param metadata metadata to attach (values may hold placeholders)
     * @param reimport whether to register it again
     */
    record Importer(
            String label,
            Optional<String> constantUri,
            Optional<String> uriParameter,
            String schemaTitle,
            JsonNode metadata,
            boolean reimport)
            implements ExecutorIr {}

    /** An executor kind this runner does not run (resolver, customJob); planning shows it, running fails. */
    record Unsupported(String label, String kind) implements ExecutorIr {}
}
