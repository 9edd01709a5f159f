package io.ponte.cli.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how to deploy a model version ({@code POST /api/ponte/v1/model_versions/{id}/deploy}).
 *
 * @param placement one of the registry's configured placements
 * @param namespace the Kubernetes namespace; the registry's default when absent
 * @param name the InferenceService's name; the registry derives one when absent
 * @param runtime the serving runtime; the placement's when absent
 */
public record Deployment(
        String placement, Optional<String> namespace, Optional<String> name, Optional<String> runtime) {

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("placement", placement);
        namespace.ifPresent(n -> body.put("namespace", n));
        name.ifPresent(n -> body.put("name", n));
        runtime.ifPresent(r -> body.put("runtime", r));
        return body;
    }
}
