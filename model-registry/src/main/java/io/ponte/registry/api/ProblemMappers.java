package io.ponte.registry.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ponte.registry.core.RegistryException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place exceptions become HTTP answers: never a stack trace, always a body that says what to fix. */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Context
    HttpHeaders headers;

    @ServerExceptionMapper
    Response registry(RegistryException e) {
        return switch (e) {
            case RegistryException.NotFound n -> Problems.of(404, "not-found", e.getMessage(), e.field(), headers);
            case RegistryException.Conflict c -> Problems.of(409, "conflict", e.getMessage(), e.field(), headers);
            case RegistryException.Invalid i -> Problems.of(400, "invalid-request", e.getMessage(), e.field(), headers);
            case RegistryException.StaleRevision s ->
                Problems.of(412, "stale-revision", e.getMessage(), "If-Match", headers);
            case RegistryException.Unavailable u -> {
                LOG.warn(e.getMessage(), e.getCause());
                yield Problems.of(503, "unavailable", e.getMessage(), null, headers);
            }
        };
    }

    @ServerExceptionMapper
    Response json(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return Problems.of(400, "invalid-json", "the request body is not valid JSON" + where, null, headers);
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json);
        }
        String detail = switch (status) {
            case 404 -> "no such endpoint";
            case 405 -> "this endpoint does not take that method";
            case 415 -> "send the body as application/json";
            case 406 -> "this endpoint answers application/json";
            default -> e.getMessage() == null ? "request refused" : e.getMessage();
        };
        return Problems.of(status, "http-" + status, detail, null, headers);
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return Problems.of(500, "internal", "internal error; the server log has incident " + incident, null, headers);
    }
}
