package io.ponte.pipelines.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request gets an id: the client's {@code X-Request-Id} when it is a plain token (at most
 * 128 letters, digits, {@code . _ : -}), else a fresh UUID. It is answered in the {@code
 * X-Request-Id} header of every response and as {@code requestId} in every problem, and the server
 * log names it for unexpected failures, so a user's report can be matched to the log.
 */
class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = "ponte.pipelines.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** Before routing, so requests that match no endpoint have an id too. */
    @ServerRequestFilter(preMatching = true)
    void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        request.setProperty(PROPERTY, given != null && SANE.matcher(given).matches() ? given : fresh());
    }

    @ServerResponseFilter
    void answer(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, of(request));
    }

    /** The request's id (a fresh one if the filter did not run, which only a broken chain would cause). */
    static String of(ContainerRequestContext request) {
        Object id = request == null ? null : request.getProperty(PROPERTY);
        if (id instanceof String s) {
            return s;
        }
        String fresh = fresh();
        if (request != null) {
            request.setProperty(PROPERTY, fresh);
        }
        return fresh;
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }
}
