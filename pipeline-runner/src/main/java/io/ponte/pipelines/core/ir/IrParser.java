package io.ponte.pipelines.core.ir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads compiled KFP IR (YAML or JSON; a YAML file may hold the PipelineSpec and then a PlatformSpec
 * document), maps it to {@link PipelineIr} and checks it with {@link IrValidator}. Every error names
 * the IR path at fault.
 */
public final class IrParser {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Parses and validates; throws {@link IrException} naming the path of the first problem found. */
    public PipelineIr parse(String text) {
        List<JsonNode> documents = documents(text);
        JsonNode spec = documents.get(0);
        Optional<JsonNode> platform = documents.size() > 1 ? Optional.of(documents.get(1)) : Optional.empty();
        if (spec.has("pipelineSpec") && spec.get("pipelineSpec").isObject()) {
            // A PipelineJob or a KFP API pipeline version wraps the spec.
            if (platform.isEmpty() && spec.has("platformSpec")) {
                platform = Optional.of(spec.get("platformSpec"));
            }
            spec = spec.get("pipelineSpec");
        }
        try {
            PipelineIr ir = map(spec, platform);
            new IrValidator(ir).validate();
            return ir;
        } catch (IrException e) {
            throw e;
        } catch (RuntimeException e) {
            // A shape the mapper did not foresee: still a 400 naming the problem, never a 500.
            throw new IrException("", "cannot read the pipeline: " + e.getMessage(), e);
        }
    }

    private static List<JsonNode> documents(String text) {
        if (text == null || text.isBlank()) {
            throw new IrException("", "the pipeline file is empty");
        }
        List<JsonNode> docs = new ArrayList<>();
        if (text.strip().startsWith("{")) {
            // JSON is YAML too, but the JSON parser reads big IR (10,000 tasks) many times faster.
            try {
                return checkMaps(List.of(JSON.readTree(text)));
            } catch (IOException e) {
                throw new IrException("", "not valid JSON: " + firstLine(e.getMessage()), e);
            }
        }
        try (var parser = new YAMLFactory().createParser(text)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IrException("", "not valid YAML or JSON: " + firstLine(e.getMessage()), e);
        }
        if (docs.isEmpty()) {
            throw new IrException("", "the pipeline file holds no document (only comments or blank lines)");
        }
        return checkMaps(docs);
    }

    private static List<JsonNode> checkMaps(List<JsonNode> docs) {
        for (int i = 0; i < docs.size(); i++) {
            if (!docs.get(i).isObject()) {
                throw new IrException(
                        i == 0 ? "" : "document[" + i + "]",
                        "must be a map, found " + docs.get(i).getNodeType());
            }
        }
        return docs;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static PipelineIr map(JsonNode json, Optional<JsonNode> platform) {
        IrNode spec = new IrNode(json, "");
        IrNode info = spec.require("pipelineInfo");
        String name = info.requireText("name");
        String displayName = info.text("displayName").filter(s -> !s.isBlank()).orElse(name);
        ComponentIr root = ComponentMapper.component("root", spec.require("root"));
        Map<String, ComponentIr> components = new LinkedHashMap<>();
        spec.entries("components").forEach((k, v) -> components.put(k, ComponentMapper.component(k, v)));
        Map<String, ExecutorIr> executors = new LinkedHashMap<>();
        spec.field("deploymentSpec")
                .ifPresent(d ->
                        d.entries("executors").forEach((k, v) -> executors.put(k, ExecutorMapper.executor(k, v))));
        return new PipelineIr(
                name,
                displayName,
                info.text("description"),
                root,
                components,
                executors,
                spec.text("defaultPipelineRoot"),
                spec.text("schemaVersion"),
                spec.text("sdkVersion"),
                platform,
                json);
    }

    /** The PipelineSpec as compact JSON, for storing with a run. */
    public static String toJson(JsonNode spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
