package io.ponte.pipelines.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details: {@code type} (a stable URN per kind of problem), {@code title}, {@code
 * status}, {@code detail} (for a human, naming what to fix), {@code instance} (the request path),
 * and when known {@code irPath} (where in the pipeline IR) or {@code field} (which request field).
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    static final MediaType PROBLEM = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {}

    /** One problem; {@code irPath} and {@code field} may be null. */
    static Response of(int status, String type, String detail, String instance, String irPath, String field) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", "urn:ponte:pipelines:problem:" + type);
        Response.Status known = Response.Status.fromStatusCode(status);
        body.put("title", known == null ? "Error" : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (irPath != null && !irPath.isEmpty()) {
            body.put("irPath", irPath);
        }
        if (field != null) {
            body.put("field", field);
        }
        return Response.status(status).type(PROBLEM).entity(body).build();
    }
}
