package io.ponte.pipelines.adapter.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.spi.ArtifactRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSONB columns: parameter maps as plain JSON objects, artifacts as {@code {"output name":
 * [{"name","uri","schemaTitle","metadata","sha256"}]}} (field names fixed here, not by a Java
 * class, so the stored form survives refactoring).
 */
final class JsonColumns {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private JsonColumns() {}

    static String values(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> values(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    static String artifacts(Map<String, List<ArtifactRef>> artifacts) {
        ObjectNode root = JSON.createObjectNode();
        artifacts.forEach((output, refs) -> {
            ArrayNode list = root.putArray(output);
            for (ArtifactRef ref : refs) {
                ObjectNode node = list.addObject();
                node.put("name", ref.name());
                node.put("uri", ref.uri());
                node.put("schemaTitle", ref.schemaTitle());
                node.set("metadata", JSON.valueToTree(ref.metadata()));
                ref.sha256().ifPresent(h -> node.put("sha256", h));
            }
        });
        return root.toString();
    }

    static Map<String, List<ArtifactRef>> artifacts(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, List<ArtifactRef>> artifacts = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> output = it.next();
                List<ArtifactRef> refs = new ArrayList<>();
                for (JsonNode node : output.getValue()) {
                    refs.add(new ArtifactRef(
                            node.path("name").asText(),
                            node.path("uri").asText(),
                            node.path("schemaTitle").asText(),
                            JSON.convertValue(node.path("metadata"), MAP),
                            Optional.ofNullable(node.get("sha256")).map(JsonNode::asText)));
                }
                artifacts.put(output.getKey(), refs);
            }
            return artifacts;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored artifact JSON is unreadable", e);
        }
    }
}
