package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.cel.Cel;
import io.ponte.pipelines.core.cel.CelException;
import io.ponte.pipelines.core.ir.ArtifactInput;
import io.ponte.pipelines.core.ir.ParameterDef;
import io.ponte.pipelines.core.ir.ParameterInput;
import io.ponte.pipelines.core.placeholder.Placeholders;
import io.ponte.pipelines.spi.ArtifactRef;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves a task's inputs from its DAG's inputs and its sibling tasks' outputs. */
final class Inputs {

    /** An input cannot be given a value. */
    static final class MissingInput extends Exception {
        MissingInput(String message) {
            super(message);
        }
    }

    private Inputs() {}

    /** The task's input parameters: every given input, then defaults of the component's absent inputs. */
    static Map<String, Object> parameters(Node node, String runId) throws MissingInput {
        Node scope = node.scope();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> constants = new LinkedHashMap<>();
        for (var e : node.task.parameters().entrySet()) {
            String name = e.getKey();
            ParameterInput in = e.getValue();
            switch (in) {
                case ParameterInput.Constant c -> constants.put(name, c.value());
                case ParameterInput.ComponentInput c -> {
                    if (scope.inputs.containsKey(c.name())) {
                        out.put(name, select(scope.inputs.get(c.name()), c.selector(), node, name));
                    }
                }
                case ParameterInput.TaskOutput o -> {
                    Node producer = scope.children.get(o.producerTask());
                    if (producer != null && producer.outputs.containsKey(o.outputKey())) {
                        out.put(name, select(producer.outputs.get(o.outputKey()), o.selector(), node, name));
                    }
                }
                case ParameterInput.FinalStatus f ->
                    out.put(name, finalStatus(scope.children.get(f.producerTask()), runId));
            }
        }
        for (var c : constants.entrySet()) {
            ParameterInput in = node.task.parameters().get(c.getKey());
            Object v = Placeholders.resolveConstant(c.getValue(), out);
            if (v != null) {
                out.put(c.getKey(), select(v, in.selector(), node, c.getKey()));
            }
        }
        String itemInput = node.task.iterator().map(i -> i.itemInput()).orElse(null);
        for (ParameterDef def : node.component.inputParameters().values()) {
            if (out.containsKey(def.name()) || def.name().equals(itemInput)) {
                continue;
            }
            if (def.defaultValue().isPresent()) {
                out.put(def.name(), def.defaultValue().get());
            } else if (!def.optional() && node.kind != Node.Kind.LOOP && node.kind != Node.Kind.DAG) {
                throw new MissingInput("input parameter " + def.name() + " has no value" + origin(node, def.name()));
            }
        }
        return out;
    }

    private static String origin(Node node, String name) {
        ParameterInput in = node.task.parameters().get(name);
        if (in instanceof ParameterInput.TaskOutput o) {
            return ": task " + o.producerTask() + " did not produce output " + o.outputKey();
        }
        if (in instanceof ParameterInput.ComponentInput c) {
            return ": the enclosing DAG has no value for " + c.name();
        }
        return "";
    }

    static Map<String, List<ArtifactRef>> artifacts(Node node) throws MissingInput {
        Node scope = node.scope();
        Map<String, List<ArtifactRef>> out = new LinkedHashMap<>();
        for (var e : node.task.artifacts().entrySet()) {
            List<ArtifactRef> value = switch (e.getValue()) {
                case ArtifactInput.ComponentInput c -> scope.inputArtifacts.get(c.name());
                case ArtifactInput.TaskOutput o -> {
                    Node producer = scope.children.get(o.producerTask());
                    yield producer == null ? null : producer.outputArtifacts.get(o.outputKey());
                }
            };
            if (value != null) {
                out.put(e.getKey(), value);
            }
        }
        String itemInput = node.task.iterator().map(i -> i.itemInput()).orElse(null);
        for (var def : node.component.inputArtifacts().values()) {
            if (!out.containsKey(def.name())
                    && !def.optional()
                    && !def.name().equals(itemInput)
                    && node.kind != Node.Kind.DAG
                    && node.kind != Node.Kind.LOOP) {
                throw new MissingInput("input artifact " + def.name() + " has no value");
            }
        }
        return out;
    }

    private static Object select(Object value, java.util.Optional<String> selector, Node node, String name) {
        if (selector.isEmpty()) {
            return value;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("string_value", Placeholders.text(value));
        if (value instanceof Map || value instanceof List) {
            vars.put(value instanceof Map ? "struct_value" : "list_value", value);
        }
        if (value instanceof Number) {
            vars.put("number_value", value);
        }
        if (value instanceof Boolean) {
            vars.put("bool_value", value);
        }
        try {
            return Cel.parse(selector.get()).eval(vars);
        } catch (CelException e) {
            throw new CelException("input " + name + " of " + node.path + ": " + e.getMessage());
        }
    }

    /** KFP's PipelineTaskFinalStatus, as a struct. */
    static Map<String, Object> finalStatus(Node producer, String runId) {
        Map<String, Object> status = new LinkedHashMap<>();
        String state = producer == null ? "FAILED" : producer.state().name();
        status.put("state", state);
        status.put("pipelineJobResourceName", runId);
        status.put("pipelineTaskName", producer == null ? "" : producer.name());
        Map<String, Object> error = new LinkedHashMap<>();
        String message = producer == null || producer.record == null
                ? ""
                : producer.record.error().orElse("");
        error.put("code", message.isEmpty() ? 0 : 2);
        error.put("message", message);
        status.put("error", error);
        return status;
    }
}
