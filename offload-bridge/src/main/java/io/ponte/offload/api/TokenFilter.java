package io.ponte.offload.api;

import io.ponte.offload.config.OffloadConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The optional bearer token: when {@code ponte.offload.token} is set, every plugin call must carry
 * {@code Authorization: Bearer <token>} (compared in constant time). Health endpoints under
 * {@code /q/} are not checked. The token is never logged.
 */
class TokenFilter {
    private final Optional<byte[]> token;

    TokenFilter(OffloadConfig config) {
        this.token = config.token().filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter(preMatching = true)
    Response check(ContainerRequestContext request) {
        if (token.isEmpty() || request.getUriInfo().getPath().startsWith("/q/")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(token.get(), presented)) {
                return null;
            }
        }
        return Response.fromResponse(ErrorMappers.text(
                        401,
                        "a valid bearer token is required (Authorization: Bearer <token>, see ponte.offload.token)"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ponte-offload-bridge\"")
                .build();
    }
}
