package io.ponte.rag.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.rag.core.RagException;
import io.ponte.rag.core.ingest.IngestException;
import io.ponte.rag.core.ingest.UnsupportedDocumentException;
import io.ponte.rag.spi.LanguageModelException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors at the edge: {@code /rag/*} answers RFC 9457 problem documents, {@code /v1/*} the OpenAI error envelope
 * that OpenAI clients understand. Both name the field at fault; neither ever carries a stack trace.
 */
class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Context
    UriInfo uri;

    @ServerExceptionMapper
    Response rag(RagException e) {
        int status = switch (e.reason()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case FORBIDDEN_PATH -> 403;
            case UNSUPPORTED -> 415;
            case CONFLICT -> 409;
        };
        return error(status, e.reason().name().toLowerCase().replace('_', '-'), e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    Response ingest(IngestException e) {
        int status = e instanceof UnsupportedDocumentException ? 415 : 400;
        return error(status, status == 415 ? "unsupported" : "invalid-request", e.getMessage(), "path");
    }

    @ServerExceptionMapper
    Response model(LanguageModelException e) {
        LOG.warn(e.getMessage());
        return error(502, "llm-unavailable", e.getMessage(), null);
    }

    @ServerExceptionMapper
    Response unknownField(UnrecognizedPropertyException e) {
        return error(400, "invalid-request", "unknown field '" + e.getPropertyName() + "'", e.getPropertyName());
    }

    @ServerExceptionMapper
    Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return error(
                400, "invalid-request", "field '" + field + "' has the wrong type", field.isEmpty() ? null : field);
    }

    @ServerExceptionMapper
    Response json(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return error(400, "invalid-json", "the request body is not valid JSON" + where, null);
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return cause instanceof UnrecognizedPropertyException u
                    ? unknownField(u)
                    : cause instanceof MismatchedInputException m ? mismatched(m) : json(cause);
        }
        int status = e.getResponse().getStatus();
        return error(status, "http-" + status, e.getMessage() == null ? "request refused" : e.getMessage(), null);
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return error(500, "internal", "internal error; the server log has incident " + incident, null);
    }

    private Response error(int status, String code, String detail, String field) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (uri != null && uri.getPath().startsWith("/v1/")) {
            ObjectNode error = body.putObject("error");
            error.put("message", detail);
            error.put("type", status >= 500 ? "api_error" : "invalid_request_error");
            if (field == null) {
                error.putNull("param");
            } else {
                error.put("param", field);
            }
            error.put("code", code);
            return Response.status(status).type("application/json").entity(body).build();
        }
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
        return Response.status(status)
                .type("application/problem+json")
                .entity(body)
                .build();
    }
}
