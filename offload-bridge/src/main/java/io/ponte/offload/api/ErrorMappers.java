package io.ponte.offload.api;

import io.ponte.offload.core.InvalidRequestException;
import io.ponte.offload.core.OffloadException;
import io.ponte.offload.core.PodRejectedException;
import io.ponte.offload.core.SchedulerUnavailableException;
import io.ponte.offload.core.UnknownPodException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Errors as interLink wants them: a non-200 status and a plain-text message, which interLink puts
 * on the pod. Never a stack trace or a Java class name.
 */
class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    static final String ENDPOINTS =
            "this interLink plugin serves POST /create, POST /delete, GET /status and GET /getLogs";

    @ServerExceptionMapper
    Response offload(OffloadException e) {
        int status;
        if (e instanceof InvalidRequestException) {
            status = 400;
        } else if (e instanceof UnknownPodException) {
            status = 404;
        } else if (e instanceof PodRejectedException) {
            status = 422;
        } else if (e instanceof SchedulerUnavailableException) {
            status = 503;
        } else {
            status = 500;
        }
        if (status >= 500) {
            LOG.warnf("%s", e.getMessage());
        }
        return text(status, e.getMessage());
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return text(404, "no such endpoint; " + ENDPOINTS);
    }

    @ServerExceptionMapper
    Response notAllowed(NotAllowedException e) {
        return text(405, "method not allowed here; " + ENDPOINTS);
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        String reason = e.getResponse() == null
                ? "error"
                : e.getResponse().getStatusInfo().getReasonPhrase();
        return text(status, reason + "; " + ENDPOINTS);
    }

    @ServerExceptionMapper
    Response io(UncheckedIOException e) {
        LOG.warnf("I/O failure: %s", e.getMessage());
        return text(500, "the bridge cannot read or write its working files: " + e.getMessage());
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return text(
                500,
                "the bridge failed unexpectedly" + (e.getMessage() == null ? "" : ": " + e.getMessage())
                        + "; see the bridge's log");
    }

    static Response text(int status, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .entity(message + "\n")
                .build();
    }
}
