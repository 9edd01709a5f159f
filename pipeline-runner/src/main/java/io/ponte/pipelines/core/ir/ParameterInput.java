package io.ponte.pipelines.core.ir;

import java.util.Optional;

/** Where a task's input parameter comes from. */
public sealed interface ParameterInput {

    /** A {@code parameterExpressionSelector} applied to the value, e.g. {@code parseJson(string_value)["a"]}. */
    Optional<String> selector();

    /** An output parameter of a sibling task. */
    record TaskOutput(String producerTask, String outputKey, Optional<String> selector) implements ParameterInput {}

    /** An input parameter of the enclosing component. */
    record ComponentInput(String name, Optional<String> selector) implements ParameterInput {}

    /** A constant; strings may contain {@code {{$.inputs.parameters['x']}}} placeholders. */
    record Constant(Object value, Optional<String> selector) implements ParameterInput {}

    /** The final status of a sibling task (exit handlers). */
    record FinalStatus(String producerTask, Optional<String> selector) implements ParameterInput {}
}
