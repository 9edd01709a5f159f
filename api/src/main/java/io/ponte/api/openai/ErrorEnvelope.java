package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The OpenAI error body, {@code {"error": {"message", "type", "param", "code"}}} ({@code
 * ErrorResponse}), which OpenAI SDKs turn into their exceptions. Also the payload of the SSE error
 * event that ends a failed stream.
 *
 * @param error what went wrong
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorEnvelope(ErrorDetail error) {

    /** The {@code type} of errors caused by the request (HTTP 4xx). */
    public static final String INVALID_REQUEST = "invalid_request_error";

    /** The {@code type} of errors caused by the server or an upstream (HTTP 5xx). */
    public static final String SERVER_ERROR = "server_error";

    /** An error with all four members; {@code param} and {@code code} may be {@code null}. */
    public static ErrorEnvelope of(String type, String message, String param, String code) {
        return new ErrorEnvelope(new ErrorDetail(message, type, param, code));
    }

    /** An error with no {@code param} and no {@code code}. */
    public static ErrorEnvelope of(String type, String message) {
        return of(type, message, null, null);
    }

    /** A bad request that names the offending member in {@code param}. */
    public static ErrorEnvelope invalidRequest(String message, String param) {
        return of(INVALID_REQUEST, message, param, null);
    }

    /** The answer when {@code model} names no model this server serves. */
    public static ErrorEnvelope modelNotFound(String model) {
        return of(
                INVALID_REQUEST,
                "The model `" + model + "` does not exist or you do not have access to it.",
                "model",
                "model_not_found");
    }

    /** The answer to a missing or unknown API key (HTTP 401), as OpenAI words it. */
    public static ErrorEnvelope invalidApiKey(String message) {
        return of(INVALID_REQUEST, message, null, "invalid_api_key");
    }

    /** The answer when a request-rate limit is hit (HTTP 429), as OpenAI words it. */
    public static ErrorEnvelope rateLimited(String message) {
        return of("requests", message, null, "rate_limit_exceeded");
    }

    /** A failure on the server side. */
    public static ErrorEnvelope serverError(String message) {
        return of(SERVER_ERROR, message);
    }
}
