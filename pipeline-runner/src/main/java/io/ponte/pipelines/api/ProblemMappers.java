package io.ponte.pipelines.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.spi.StaleRecordException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place exceptions become HTTP answers: problem+json, never a stack trace or a class name. */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Context
    UriInfo uri;

    @ServerExceptionMapper
    Response pipeline(PipelineException e) {
        String irPath = e.irPath().orElse(null);
        return switch (e.kind()) {
            case INVALID ->
                Problems.of(
                        400,
                        irPath == null ? "invalid-request" : "invalid-pipeline",
                        e.getMessage(),
                        path(),
                        irPath,
                        null);
            case NOT_FOUND -> Problems.of(404, "not-found", e.getMessage(), path(), irPath, null);
            case CONFLICT -> Problems.of(409, "conflict", e.getMessage(), path(), irPath, null);
            case UNAVAILABLE -> {
                LOG.warn(e.getMessage(), e.getCause());
                yield Problems.of(503, "unavailable", e.getMessage(), path(), null, null);
            }
        };
    }

    @ServerExceptionMapper
    Response badRequest(BadRequest e) {
        return Problems.of(400, "invalid-request", e.getMessage(), path(), null, e.field());
    }

    /** Refusals from the store, e.g. a page token it did not issue. */
    @ServerExceptionMapper
    Response illegalArgument(IllegalArgumentException e) {
        return Problems.of(400, "invalid-request", e.getMessage(), path(), null, null);
    }

    @ServerExceptionMapper
    Response stale(StaleRecordException e) {
        return Problems.of(409, "conflict", "the run changed meanwhile; try again", path(), null, null);
    }

    @ServerExceptionMapper
    Response json(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[")
                : null;
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return Problems.of(400, "invalid-json", "the request body is not valid JSON" + where, path(), null, field);
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "no such endpoint";
            case 405 -> "this endpoint does not take that method";
            case 415 -> "send the body as application/json (or the pipeline as application/yaml)";
            case 406 -> "this endpoint answers application/json";
            default -> status >= 500 ? "request failed" : "request refused";
        };
        return Problems.of(status, "http-" + status, detail, path(), null, null);
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return Problems.of(
                500, "internal", "internal error; the server log has incident " + incident, path(), null, null);
    }

    private String path() {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
