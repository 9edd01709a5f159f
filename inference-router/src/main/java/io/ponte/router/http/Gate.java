package io.ponte.router.http;

import io.ponte.router.access.ApiKey;
import io.ponte.router.access.ApiKeyStore;
import io.ponte.router.access.Authentication;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Authenticates a request; on refusal it answers the client itself (401) and returns empty. */
@Singleton
class Gate {

    private final ApiKeyStore keys;
    private final ProxyServices s;

    @Inject
    Gate(ApiKeyStore keys, ProxyServices services) {
        this.keys = keys;
        this.s = services;
    }

    Optional<ApiKey> authenticate(RoutingContext ctx, ErrorStyle style, String requestId) {
        Authentication auth = keys.authenticate(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (auth.granted()) {
            return Optional.of(auth.key());
        }
        String message = "missing".equals(auth.reason())
                ? "Missing API key: send it as 'Authorization: Bearer <key>'."
                : "Invalid API key.";
        ctx.response().putHeader("www-authenticate", "Bearer");
        Responses.error(
                ctx.response(),
                s.mapper,
                style,
                new ApiError(401, "authentication_error", "invalid_api_key", null, message),
                requestId);
        return Optional.empty();
    }
}
