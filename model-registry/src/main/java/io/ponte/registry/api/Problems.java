package io.ponte.registry.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Error bodies: RFC 9457 problem details that also carry the API's own {@code Error} fields ({@code code},
 * {@code message}), so Kubeflow clients and problem-aware clients read the same body. The media type is
 * {@code application/problem+json} when the client accepts it, {@code application/json} (what the Kubeflow
 * contract declares) otherwise.
 */
final class Problems {

    static final MediaType PROBLEM = new MediaType("application", "problem+json");

    private Problems() {}

    static Response of(int status, String code, String detail, String field, HttpHeaders headers) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", "urn:ponte:problem:" + code);
        body.put(
                "title",
                Response.Status.fromStatusCode(status) == null
                        ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        body.put("code", code);
        body.put("message", detail);
        return Response.status(status).type(mediaType(headers)).entity(body).build();
    }

    private static MediaType mediaType(HttpHeaders headers) {
        if (headers != null) {
            for (MediaType accepted : headers.getAcceptableMediaTypes()) {
                if (accepted.isCompatible(PROBLEM) && !accepted.isWildcardType() && !accepted.isWildcardSubtype()) {
                    return PROBLEM;
                }
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }
}
