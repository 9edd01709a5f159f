package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The function a tool call invokes.
 *
 * @param name the function name
 * @param arguments the arguments as a JSON-encoded string, as the model wrote them (it may be
 *     invalid JSON); in a stream delta, the next fragment of that string
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FunctionCall(String name, String arguments) {}
