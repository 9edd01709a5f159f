package io.ponte.pipelines.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A peer-suite pipeline with its Python components replaced by shell stand-ins that behave the same
 * (same inputs, same outputs), so its DAG (conditions, OneOf, exit handlers) runs here, where the
 * kfp package cannot be installed. Only {@code deploymentSpec.executors} changes.
 */
final class StandIns {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** A stand-in: {@code sh -c script} with the placeholders as {@code $0}, {@code $1}, .... */
    record Script(String script, List<String> placeholders) {}

    private StandIns() {}

    /** The pipeline's PipelineSpec as JSON, each named executor replaced by its stand-in. */
    static String apply(Path file, Map<String, Script> byExecutor) throws IOException {
        JsonNode spec = YAML.readTree(file.toFile());
        ObjectNode executors = (ObjectNode) spec.path("deploymentSpec").path("executors");
        byExecutor.forEach((name, s) -> {
            if (!executors.has(name)) {
                throw new IllegalArgumentException(file.getFileName() + " has no executor " + name);
            }
            ObjectNode container = YAML.createObjectNode();
            container.put("image", "python:3.11");
            var command = container.putArray("command");
            command.add("sh").add("-c").add(s.script());
            s.placeholders().forEach(command::add);
            ObjectNode executor = YAML.createObjectNode();
            executor.set("container", container);
            executors.set(name, executor);
        });
        return spec.toString();
    }

    static Script script(String script, String... placeholders) {
        return new Script(script, List.of(placeholders));
    }

    static String input(String name) {
        return "{{$.inputs.parameters['" + name + "']}}";
    }

    static String outputFile(String name) {
        return "{{$.outputs.parameters['" + name + "'].output_file}}";
    }
}
