package io.ponte.pipelines.core.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A node of the IR tree that knows its path, so that every error can name where it is. */
record IrNode(JsonNode json, String path) {

    IrException error(String message) {
        return new IrException(path, message);
    }

    Optional<IrNode> field(String name) {
        JsonNode child = json.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new IrNode(child, child(name)));
    }

    IrNode require(String name) {
        return field(name).orElseThrow(() -> new IrException(child(name), "is required"));
    }

    Optional<String> text(String name) {
        return field(name).map(IrNode::asText);
    }

    String requireText(String name) {
        String value = require(name).asText();
        if (value.isBlank()) {
            throw new IrException(child(name), "must not be empty");
        }
        return value;
    }

    String asText() {
        if (!json.isValueNode()) {
            throw error("must be a string, found " + kind());
        }
        return json.asText();
    }

    boolean bool(String name, boolean fallback) {
        return field(name).map(n -> n.json.asBoolean(fallback)).orElse(fallback);
    }

    /** The entries of a map-valued field in document order; empty when absent. */
    Map<String, IrNode> entries(String name) {
        Optional<IrNode> node = field(name);
        if (node.isEmpty()) {
            return Map.of();
        }
        IrNode map = node.get();
        if (!map.json.isObject()) {
            throw map.error("must be a map, found " + map.kind());
        }
        Map<String, IrNode> out = new LinkedHashMap<>();
        map.json.fields().forEachRemaining(e -> out.put(e.getKey(), new IrNode(e.getValue(), map.child(e.getKey()))));
        return out;
    }

    /** The items of a list-valued field; empty when absent. */
    List<IrNode> items(String name) {
        Optional<IrNode> node = field(name);
        if (node.isEmpty()) {
            return List.of();
        }
        IrNode list = node.get();
        if (!list.json.isArray()) {
            throw list.error("must be a list, found " + list.kind());
        }
        List<IrNode> out = new ArrayList<>(list.json.size());
        for (int i = 0; i < list.json.size(); i++) {
            out.add(new IrNode(list.json.get(i), list.path + "[" + i + "]"));
        }
        return out;
    }

    List<String> strings(String name) {
        return items(name).stream().map(IrNode::asText).toList();
    }

    String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private String kind() {
        return json.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
