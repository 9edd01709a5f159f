package io.ponte.api.kserve;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code modelFormat} of a {@link ModelSpec}, matched against the formats a {@code
 * ServingRuntime} supports.
 *
 * @param name the format, such as {@code huggingface}, {@code pytorch}, {@code onnx}
 * @param version the format version; optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelFormat(String name, String version) {}
