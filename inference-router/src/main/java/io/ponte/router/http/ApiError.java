package io.ponte.router.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.api.oip.InferenceError;
import io.ponte.api.openai.ErrorEnvelope;
import io.vertx.core.buffer.Buffer;

/**
 * An error the router answers itself.
 *
 * @param status HTTP status
 * @param type OpenAI error type ({@code invalid_request_error}, {@code rate_limit_error}, {@code api_error}…)
 * @param code a stable machine-readable code
 * @param param the request field at fault, or null
 * @param message what went wrong, for a human
 */
record ApiError(int status, String type, String code, String param, String message) {

    static ApiError invalid(String param, String message) {
        return new ApiError(400, "invalid_request_error", "invalid_request", param, message);
    }

    static ApiError unknownModel(String model) {
        return new ApiError(
                404,
                "not_found_error",
                "model_not_found",
                "model",
                "The model '" + model + "' does not exist or has no ready backend.");
    }

    static ApiError upstream(int status, String code, String message) {
        return new ApiError(status, "api_error", code, null, message);
    }

    /** The body in the given style. */
    Buffer body(ObjectMapper mapper, ErrorStyle style) {
        Object body =
                style == ErrorStyle.V2 ? InferenceError.of(message) : ErrorEnvelope.of(type, message, param, code);
        try {
            return Buffer.buffer(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body could not be written", e);
        }
    }

    /** The same error as a final server-sent event, for failures after a stream began. */
    Buffer sseEvent(ObjectMapper mapper) {
        return Buffer.buffer("data: ")
                .appendBuffer(body(mapper, ErrorStyle.OPENAI))
                .appendString("\n\n");
    }
}
