package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code error} of an {@link ErrorEnvelope} ({@code Error}). All four members are required;
 * {@code param} and {@code code} may be {@code null} and are then written as {@code null}.
 *
 * @param message a human-readable description
 * @param type the error class, such as {@code invalid_request_error}
 * @param param the request member at fault, or {@code null}
 * @param code a machine-readable code such as {@code model_not_found}, or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorDetail(String message, String type, String param, String code) {}
