package io.ponte.pipelines.core.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.core.PipelineException.Kind;
import io.ponte.pipelines.core.ir.ParameterDef;
import io.ponte.pipelines.core.ir.PipelineIr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a run's parameters against the pipeline's inputs, fills defaults and converts to the declared types. */
final class RunParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunParameters() {}

    static Map<String, Object> check(PipelineIr ir, Map<String, Object> given) {
        Map<String, ParameterDef> defs = ir.root().inputParameters();
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : (given == null ? Map.<String, Object>of() : given).entrySet()) {
            if (ir.root().inputArtifacts().containsKey(e.getKey())) {
                if (!(e.getValue() instanceof String uri) || !uri.contains("://")) {
                    throw new PipelineException(
                            Kind.INVALID,
                            "parameters." + e.getKey(),
                            "parameters." + e.getKey() + ": input artifact " + e.getKey()
                                    + " takes a URI such as s3://bucket/key");
                }
                out.put(e.getKey(), uri);
                continue;
            }
            ParameterDef def = defs.get(e.getKey());
            if (def == null) {
                throw new PipelineException(
                        Kind.INVALID,
                        "parameters." + e.getKey(),
                        "parameters." + e.getKey() + ": the pipeline has no input parameter " + e.getKey()
                                + " (inputs: " + defs.keySet() + ")");
            }
            out.put(e.getKey(), convert(def, e.getValue()));
        }
        for (ParameterDef def : defs.values()) {
            if (out.containsKey(def.name())) {
                continue;
            }
            if (def.defaultValue().isPresent()) {
                out.put(def.name(), def.defaultValue().get());
            } else if (!def.optional()) {
                String path = "root.inputDefinitions.parameters." + def.name();
                throw new PipelineException(
                        Kind.INVALID,
                        path,
                        path + ": required parameter " + def.name() + " (" + def.type() + ") is not given");
            }
        }
        return out;
    }

    private static Object convert(ParameterDef def, Object v) {
        String path = "parameters." + def.name();
        if (v == null) {
            if (def.optional()) {
                return null;
            }
            throw new PipelineException(Kind.INVALID, path, path + ": must not be null");
        }
        try {
            return switch (def.type()) {
                case NUMBER_INTEGER -> {
                    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                        yield n.longValue();
                    }
                    if (v instanceof String s) {
                        yield Long.parseLong(s.strip());
                    }
                    throw new IllegalArgumentException();
                }
                case NUMBER_DOUBLE ->
                    v instanceof Number n
                            ? n.doubleValue()
                            : Double.parseDouble(String.valueOf(v).strip());
                case BOOLEAN -> {
                    if (v instanceof Boolean b) {
                        yield b;
                    }
                    String s = String.valueOf(v).strip();
                    if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                        yield Boolean.parseBoolean(s);
                    }
                    throw new IllegalArgumentException();
                }
                case LIST ->
                    v instanceof List ? v : checkType(JSON.readValue(String.valueOf(v), Object.class), List.class);
                case STRUCT ->
                    v instanceof Map ? v : checkType(JSON.readValue(String.valueOf(v), Object.class), Map.class);
                case STRING ->
                    v instanceof String
                            ? v
                            : v instanceof Number || v instanceof Boolean
                                    ? String.valueOf(v)
                                    : JSON.writeValueAsString(v);
                default -> v;
            };
        } catch (Exception e) {
            throw new PipelineException(
                    Kind.INVALID, path, path + ": " + abbreviate(v) + " is not a valid " + def.type());
        }
    }

    private static Object checkType(Object v, Class<?> type) {
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException();
        }
        return v;
    }

    private static String abbreviate(Object v) {
        String s = String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
