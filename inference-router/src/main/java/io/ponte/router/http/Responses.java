package io.ponte.router.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** Writes the router's own answers (errors, model lists) with the headers every response carries. */
final class Responses {

    private Responses() {}

    static void error(
            HttpServerResponse response, ObjectMapper mapper, ErrorStyle style, ApiError error, String requestId) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(error.status());
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        ponteHeaders(response, requestId, "none", 0, 0);
        response.end(error.body(mapper, style));
    }

    static void json(HttpServerResponse response, String json, String requestId) {
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        ponteHeaders(response, requestId, "none", 0, 0);
        response.end(json);
    }

    /** The headers every answer carries; {@code backend} is {@code none} when no backend was reached. */
    static void ponteHeaders(
            HttpServerResponse response, String requestId, String backend, int attempts, long overheadMicros) {
        response.putHeader("x-request-id", requestId);
        response.putHeader("x-ponte-backend", backend);
        response.putHeader("x-ponte-attempts", Integer.toString(attempts));
        response.putHeader("x-ponte-overhead-us", Long.toString(overheadMicros));
    }
}
