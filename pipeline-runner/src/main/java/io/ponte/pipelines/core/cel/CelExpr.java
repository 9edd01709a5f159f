package io.ponte.pipelines.core.cel;

import java.util.HashMap;
import java.util.Map;

/** A parsed expression, evaluated against variables ({@code inputs}). */
@FunctionalInterface
public interface CelExpr {

    Object eval(Map<String, Object> variables);

    /** The variables KFP conditions see: {@code inputs.parameter_values} and {@code inputs.parameters[x].parameter_value}. */
    static Map<String, Object> inputs(Map<String, Object> parameterValues) {
        Map<String, Object> legacy = new HashMap<>();
        parameterValues.forEach((k, v) -> {
            Map<String, Object> holder = new HashMap<>();
            holder.put("parameter_value", v);
            legacy.put(k, holder);
        });
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("parameter_values", parameterValues);
        inputs.put("parameters", legacy);
        return Map.of("inputs", inputs);
    }
}
