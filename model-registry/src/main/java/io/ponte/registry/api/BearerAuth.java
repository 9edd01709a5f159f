package io.ponte.registry.api;

import io.ponte.registry.config.RegistryConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Optional static bearer tokens: when any are configured, every API call must present one. */
class BearerAuth {

    private final List<byte[]> tokens;

    BearerAuth(RegistryConfig config) {
        this.tokens = config.auth().tokens().orElse(List.of()).stream()
                .filter(t -> !t.isBlank())
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @ServerRequestFilter(preMatching = true)
    Response check(ContainerRequestContext request) {
        if (tokens.isEmpty() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
            for (byte[] token : tokens) {
                if (MessageDigest.isEqual(token, presented)) {
                    return null;
                }
            }
        }
        Response problem = Problems.of(
                401, "unauthorized", "a valid bearer token is required (Authorization: Bearer <token>)", null, null);
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ponte-model-registry\"")
                .build();
    }
}
