package io.ponte.pipelines.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.core.Runs;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code POST /apis/v2beta1/runs}: {@code display_name}, {@code pipeline_spec} (the IR as a
 * JSON object, or its YAML/JSON text as a string), {@code runtime_config.parameters}, {@code
 * runtime_config.pipeline_root}, {@code enable_caching} (default true) and {@code executor}. Each
 * malformed field is refused by name.
 */
final class CreateRunRequest {

    private CreateRunRequest() {}

    static Runs.CreateRun read(JsonNode body) {
        Fields.requireObject(body, "the request body");
        Optional<String> displayName = Fields.optionalText(body, "display_name");
        String spec = pipelineSpec(body);
        JsonNode config = body.path("runtime_config");
        Map<String, Object> parameters = Map.of();
        Optional<String> pipelineRoot = Optional.empty();
        if (!config.isMissingNode() && !config.isNull()) {
            Fields.requireObject(config, "runtime_config");
            parameters = Fields.values(config, "parameters", "runtime_config.parameters");
            pipelineRoot = Fields.optionalText(config, "pipeline_root", "runtime_config.pipeline_root");
            pipelineRoot.ifPresent(CreateRunRequest::checkRoot);
        }
        boolean caching = Fields.optionalBoolean(body, "enable_caching").orElse(true);
        Optional<String> executor = Fields.optionalText(body, "executor");
        return new Runs.CreateRun(displayName, spec, parameters, pipelineRoot, caching, executor);
    }

    private static String pipelineSpec(JsonNode body) {
        JsonNode spec = body.get("pipeline_spec");
        if (spec == null || spec.isNull()) {
            throw new BadRequest(
                    "pipeline_spec", "pipeline_spec is required: the compiled IR, as an object or as text");
        }
        if (spec.isObject()) {
            return spec.toString();
        }
        if (spec.isTextual() && !spec.asText().isBlank()) {
            return spec.asText();
        }
        throw new BadRequest("pipeline_spec", "pipeline_spec must be the IR as a JSON object or as YAML/JSON text");
    }

    private static void checkRoot(String root) {
        if (!root.matches("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?")) {
            throw new BadRequest(
                    "runtime_config.pipeline_root", "runtime_config.pipeline_root must be an s3://bucket/prefix URI");
        }
    }
}
