package io.ponte.cli.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model version to register, with its one model artifact.
 *
 * @param model the registered model's name; it is created when the registry has none by that name
 * @param version the version's name
 * @param uri where the model's files are
 * @param properties the version's custom properties, typed by {@link CustomProperties}
 */
public record Registration(
        String model,
        String version,
        String uri,
        Optional<String> format,
        Optional<String> formatVersion,
        Optional<String> author,
        Optional<String> description,
        Map<String, String> properties) {

    public Registration {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The body of {@code POST /registered_models/{id}/versions}. */
    Map<String, Object> versionBody(String modelId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", version);
        body.put("registeredModelId", modelId);
        author.ifPresent(a -> body.put("author", a));
        description.ifPresent(d -> body.put("description", d));
        if (!properties.isEmpty()) {
            body.put("customProperties", CustomProperties.of(properties));
        }
        return body;
    }

    /** The body of {@code POST /model_versions/{id}/artifacts}. */
    Map<String, Object> artifactBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("artifactType", "model-artifact");
        body.put("name", model + "-" + version);
        body.put("uri", uri);
        format.ifPresent(f -> body.put("modelFormatName", f));
        formatVersion.ifPresent(v -> body.put("modelFormatVersion", v));
        return body;
    }

    /** What {@link ModelRegistry#register} created, and whether the registered model was new. */
    public record Registered(ObjectNode model, boolean modelCreated, ObjectNode version, ObjectNode artifact) {
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("registeredModel", model);
            json.put("registeredModelCreated", modelCreated);
            json.put("modelVersion", version);
            json.put("modelArtifact", artifact);
            return json;
        }
    }
}
