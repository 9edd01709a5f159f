package io.ponte.pipelines.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.spi.StaleRecordException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place exceptions become HTTP answers: problem+json, never a stack trace or a class name. */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Context
    UriInfo uri;

    @ServerExceptionMapper
    Response pipeline(PipelineException e, ContainerRequestContext request) {
        String irPath = e.irPath().orElse(null);
        return switch (e.kind()) {
            case INVALID ->
                Problems.of(
                        400,
                        irPath == null ? "invalid-request" : "invalid-pipeline",
                        e.getMessage(),
                        where(request),
                        irPath,
                        null);
            case NOT_FOUND -> Problems.of(404, "not-found", e.getMessage(), where(request), irPath, null);
            case CONFLICT -> Problems.of(409, "conflict", e.getMessage(), where(request), irPath, null);
            case UNAVAILABLE -> {
                Problems.Request at = where(request);
                LOG.warnf(e.getCause(), "%s (request %s)", e.getMessage(), at.id());
                yield Problems.of(503, "unavailable", e.getMessage(), at, null, null);
            }
        };
    }

    @ServerExceptionMapper
    Response badRequest(BadRequest e, ContainerRequestContext request) {
        return Problems.of(400, "invalid-request", e.getMessage(), where(request), null, e.field());
    }

    /** Refusals from the store, e.g. a page token it did not issue. */
    @ServerExceptionMapper
    Response illegalArgument(IllegalArgumentException e, ContainerRequestContext request) {
        return Problems.of(400, "invalid-request", e.getMessage(), where(request), null, null);
    }

    @ServerExceptionMapper
    Response stale(StaleRecordException e, ContainerRequestContext request) {
        return Problems.of(409, "conflict", "the run changed meanwhile; try again", where(request), null, null);
    }

    @ServerExceptionMapper
    Response json(JsonProcessingException e, ContainerRequestContext request) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[")
                : null;
        String at = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return Problems.of(400, "invalid-json", "the request body is not valid JSON" + at, where(request), null, field);
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "no such endpoint";
            case 405 -> "this endpoint does not take that method";
            case 415 -> "send the body as application/json (or the pipeline as application/yaml)";
            case 406 -> "this endpoint answers application/json";
            default -> status >= 500 ? "request failed" : "request refused";
        };
        return Problems.of(status, "http-" + status, detail, where(request), null, null);
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e, ContainerRequestContext request) {
        Problems.Request at = where(request);
        LOG.errorf(e, "unexpected failure, request %s", at.id());
        return Problems.of(500, "internal", "internal error; the server log names request " + at.id(), at, null, null);
    }

    private Problems.Request where(ContainerRequestContext request) {
        String path = uri == null ? null : uri.getRequestUri().getRawPath();
        return new Problems.Request(path, RequestIds.of(request));
    }
}
