package io.ponte.pipelines.core.ir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.core.ir.DagIr.DagOutputParameter;
import io.ponte.pipelines.core.ir.DagIr.OutputSelector;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps components, DAGs and tasks of the IR tree. */
final class ComponentMapper {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ComponentMapper() {}

    static ComponentIr component(String name, IrNode node) {
        String path = name.equals("root") ? "root" : node.path();
        Map<String, ParameterDef> inParams = Map.of();
        Map<String, ArtifactDef> inArtifacts = Map.of();
        Map<String, ParameterDef> outParams = Map.of();
        Map<String, ArtifactDef> outArtifacts = Map.of();
        Optional<IrNode> in = node.field("inputDefinitions");
        if (in.isPresent()) {
            inParams = parameters(in.get());
            inArtifacts = artifacts(in.get());
        }
        Optional<IrNode> out = node.field("outputDefinitions");
        if (out.isPresent()) {
            outParams = parameters(out.get());
            outArtifacts = artifacts(out.get());
        }
        Optional<String> executorLabel = node.text("executorLabel").filter(s -> !s.isBlank());
        Optional<DagIr> dag = node.field("dag").map(ComponentMapper::dag);
        if (executorLabel.isEmpty() && dag.isEmpty()) {
            throw node.error("has neither an executorLabel nor a dag");
        }
        return new ComponentIr(name, path, inParams, inArtifacts, outParams, outArtifacts, executorLabel, dag);
    }

    private static Map<String, ParameterDef> parameters(IrNode definitions) {
        Map<String, ParameterDef> out = new LinkedHashMap<>();
        definitions.entries("parameters").forEach((k, v) -> {
            String typeName =
                    v.text("parameterType").or(() -> v.text("type")).orElse("PARAMETER_TYPE_ENUM_UNSPECIFIED");
            ParameterType type = parameterType(typeName, v);
            Optional<Object> def = v.field("defaultValue").map(d -> value(d.json()));
            out.put(k, new ParameterDef(k, type, def, v.bool("isOptional", false) || def.isPresent()));
        });
        return out;
    }

    private static ParameterType parameterType(String name, IrNode node) {
        String n = name.toUpperCase(Locale.ROOT);
        // Old IR (schema 2.0.0) names types INT, DOUBLE, STRING.
        switch (n) {
            case "INT":
                return ParameterType.NUMBER_INTEGER;
            case "DOUBLE":
                return ParameterType.NUMBER_DOUBLE;
            default:
                break;
        }
        try {
            return ParameterType.valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new IrException(node.child("parameterType"), "unknown parameter type " + name);
        }
    }

    private static Map<String, ArtifactDef> artifacts(IrNode definitions) {
        Map<String, ArtifactDef> out = new LinkedHashMap<>();
        definitions.entries("artifacts").forEach((k, v) -> {
            IrNode type =
                    v.field("artifactType").orElse(new IrNode(MAPPER.createObjectNode(), v.child("artifactType")));
            String title = type.text("schemaTitle").orElse("system.Artifact");
            String version = type.text("schemaVersion").orElse("0.0.1");
            out.put(
                    k,
                    new ArtifactDef(k, title, version, v.bool("isArtifactList", false), v.bool("isOptional", false)));
        });
        return out;
    }

    private static DagIr dag(IrNode dag) {
        Map<String, TaskIr> tasks = new LinkedHashMap<>();
        dag.entries("tasks").forEach((k, v) -> tasks.put(k, task(k, v)));
        Map<String, DagOutputParameter> outParams = new LinkedHashMap<>();
        Map<String, List<OutputSelector>> outArtifacts = new LinkedHashMap<>();
        dag.field("outputs").ifPresent(outs -> {
            outs.entries("parameters").forEach((k, v) -> outParams.put(k, dagOutputParameter(v)));
            outs.entries("artifacts").forEach((k, v) -> {
                List<OutputSelector> selectors = new ArrayList<>();
                for (IrNode s : v.items("artifactSelectors")) {
                    selectors.add(
                            new OutputSelector(s.requireText("producerSubtask"), s.requireText("outputArtifactKey")));
                }
                outArtifacts.put(k, selectors);
            });
        });
        return new DagIr(tasks, outParams, outArtifacts);
    }

    private static DagOutputParameter dagOutputParameter(IrNode v) {
        Optional<IrNode> single = v.field("valueFromParameter");
        if (single.isPresent()) {
            IrNode s = single.get();
            return new DagOutputParameter(
                    List.of(new OutputSelector(s.requireText("producerSubtask"), s.requireText("outputParameterKey"))),
                    false);
        }
        Optional<IrNode> oneOf = v.field("valueFromOneof");
        if (oneOf.isPresent()) {
            List<OutputSelector> selectors = new ArrayList<>();
            for (IrNode s : oneOf.get().items("parameterSelectors")) {
                selectors.add(
                        new OutputSelector(s.requireText("producerSubtask"), s.requireText("outputParameterKey")));
            }
            return new DagOutputParameter(selectors, true);
        }
        throw v.error("needs valueFromParameter or valueFromOneof");
    }

    private static TaskIr task(String name, IrNode t) {
        String componentRef = t.require("componentRef").requireText("name");
        String displayName = t.field("taskInfo").flatMap(i -> i.text("name")).orElse(name);
        Map<String, ParameterInput> params = new LinkedHashMap<>();
        Map<String, ArtifactInput> artifacts = new LinkedHashMap<>();
        t.field("inputs").ifPresent(inputs -> {
            inputs.entries("parameters").forEach((k, v) -> params.put(k, parameterInput(v)));
            inputs.entries("artifacts").forEach((k, v) -> artifacts.put(k, artifactInput(v)));
        });
        Optional<String> condition = Optional.empty();
        TaskIr.Strategy strategy = TaskIr.Strategy.ALL_UPSTREAM_TASKS_SUCCEEDED;
        Optional<IrNode> trigger = t.field("triggerPolicy");
        if (trigger.isPresent()) {
            condition = trigger.get().text("condition").filter(s -> !s.isBlank());
            Optional<String> s = trigger.get().text("strategy");
            if (s.isPresent() && !s.get().equals("TRIGGER_STRATEGY_UNSPECIFIED")) {
                try {
                    strategy = TaskIr.Strategy.valueOf(s.get());
                } catch (IllegalArgumentException e) {
                    throw new IrException(trigger.get().child("strategy"), "unknown trigger strategy " + s.get());
                }
            }
        }
        boolean cache =
                t.field("cachingOptions").map(c -> c.bool("enableCache", false)).orElse(false);
        return new TaskIr(
                name,
                t.path(),
                displayName,
                componentRef,
                t.strings("dependentTasks"),
                params,
                artifacts,
                condition,
                strategy,
                iterator(t),
                t.field("retryPolicy").map(ComponentMapper::retry),
                cache);
    }

    private static ParameterInput parameterInput(IrNode v) {
        Optional<String> selector = v.text("parameterExpressionSelector").filter(s -> !s.isBlank());
        Optional<IrNode> out = v.field("taskOutputParameter");
        if (out.isPresent()) {
            return new ParameterInput.TaskOutput(
                    out.get().requireText("producerTask"), out.get().requireText("outputParameterKey"), selector);
        }
        Optional<String> comp = v.text("componentInputParameter");
        if (comp.isPresent()) {
            return new ParameterInput.ComponentInput(comp.get(), selector);
        }
        Optional<IrNode> runtime = v.field("runtimeValue");
        if (runtime.isPresent()) {
            Optional<IrNode> constant = runtime.get().field("constant");
            if (constant.isPresent()) {
                return new ParameterInput.Constant(value(constant.get().json()), selector);
            }
            Optional<IrNode> legacy = runtime.get().field("constantValue");
            if (legacy.isPresent()) {
                JsonNode c = legacy.get().json();
                JsonNode inner = c.has("stringValue")
                        ? c.get("stringValue")
                        : c.has("intValue") ? c.get("intValue") : c.get("doubleValue");
                return new ParameterInput.Constant(inner == null ? null : value(inner), selector);
            }
            // An explicit None: runtimeValue without a constant.
            return new ParameterInput.Constant(null, selector);
        }
        Optional<IrNode> status = v.field("taskFinalStatus");
        if (status.isPresent()) {
            return new ParameterInput.FinalStatus(status.get().requireText("producerTask"), selector);
        }
        throw v.error("needs one of taskOutputParameter, componentInputParameter, runtimeValue, taskFinalStatus");
    }

    private static ArtifactInput artifactInput(IrNode v) {
        Optional<IrNode> out = v.field("taskOutputArtifact");
        if (out.isPresent()) {
            return new ArtifactInput.TaskOutput(
                    out.get().requireText("producerTask"), out.get().requireText("outputArtifactKey"));
        }
        Optional<String> comp = v.text("componentInputArtifact");
        if (comp.isPresent()) {
            return new ArtifactInput.ComponentInput(comp.get());
        }
        throw v.error("needs taskOutputArtifact or componentInputArtifact");
    }

    private static Optional<IteratorIr> iterator(IrNode t) {
        int limit = t.field("iteratorPolicy")
                .map(p -> p.json().path("parallelismLimit").asInt(0))
                .orElse(0);
        Optional<IrNode> params = t.field("parameterIterator");
        if (params.isPresent()) {
            IrNode p = params.get();
            String item = p.requireText("itemInput");
            IrNode items = p.require("items");
            Optional<String> raw = items.text("raw");
            if (raw.isPresent()) {
                return Optional.of(new IteratorIr(item, new IteratorIr.RawItems(raw.get()), limit));
            }
            Optional<String> input = items.text("inputParameter");
            if (input.isPresent()) {
                return Optional.of(new IteratorIr(item, new IteratorIr.ParameterItems(input.get()), limit));
            }
            throw items.error("needs raw or inputParameter");
        }
        Optional<IrNode> arts = t.field("artifactIterator");
        if (arts.isPresent()) {
            IrNode a = arts.get();
            String item = a.requireText("itemInput");
            String input = a.require("items").requireText("inputArtifact");
            return Optional.of(new IteratorIr(item, new IteratorIr.ArtifactItems(input), limit));
        }
        return Optional.empty();
    }

    private static TaskIr.RetryPolicy retry(IrNode r) {
        int max = r.json().path("maxRetryCount").asInt(0);
        if (max < 0) {
            throw new IrException(r.child("maxRetryCount"), "must not be negative");
        }
        Duration backoff = duration(r, "backoffDuration", Duration.ZERO);
        double factor = r.json().path("backoffFactor").asDouble(2.0);
        Duration maxBackoff = duration(r, "backoffMaxDuration", Duration.ofHours(1));
        return new TaskIr.RetryPolicy(max, backoff, factor, maxBackoff);
    }

    private static Duration duration(IrNode r, String field, Duration fallback) {
        Optional<String> text = r.text(field);
        if (text.isEmpty()) {
            return fallback;
        }
        String s = text.get().trim();
        try {
            String number = s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
            return Duration.ofNanos(new BigDecimal(number).movePointRight(9).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IrException(r.child(field), "not a duration in seconds such as \"30s\": " + s);
        }
    }

    /** A JSON value as a plain Java value (String, Number, Boolean, List, Map, or null). */
    static Object value(JsonNode node) {
        return MAPPER.convertValue(node, Object.class);
    }
}
