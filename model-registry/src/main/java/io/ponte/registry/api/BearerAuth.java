package io.ponte.registry.api;

import io.ponte.registry.config.RegistryConfig;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Who may call {@code /api/*}: anyone presenting one of the static tokens, or a bearer JWT that quarkus-oidc accepts
 * (signature against the issuer's JWKS, issuer, expiry) when an issuer is configured. With neither, the API is open.
 * Other paths ({@code /q/health}) are never checked.
 *
 * <p>Why this filter rather than {@code quarkus.http.auth.permission.*}: a permission policy runs the OIDC mechanism on
 * every bearer token, so a static token (not a JWT) would be refused before anyone compared it with the configured
 * ones; and with proactive authentication (Quarkus' default) OIDC refuses a bad token even on paths that need none.
 * So authentication is lazy ({@code quarkus.http.auth.proactive=false}) and this filter decides: a static token
 * passes at once, otherwise it asks for the deferred {@link SecurityIdentity}, which is when quarkus-oidc verifies
 * the token. Refusals keep one shape, the API's problem body with a {@code WWW-Authenticate: Bearer} challenge.
 * Tokens are never logged.
 */
class BearerAuth {

    private static final String REALM = "Bearer realm=\"ponte-model-registry\"";

    private final List<byte[]> tokens;
    private final boolean oidc;
    private final Optional<String> requiredRole;
    private final CurrentIdentityAssociation identities;

    BearerAuth(
            RegistryConfig config,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "true") boolean oidc,
            CurrentIdentityAssociation identities) {
        this.tokens = config.auth().tokens().orElse(List.of()).stream()
                .filter(t -> !t.isBlank())
                .map(t -> t.getBytes(StandardCharsets.UTF_8))
                .toList();
        this.oidc = oidc;
        this.requiredRole = config.auth().oidcRequiredRole().filter(r -> !r.isBlank());
        this.identities = identities;
    }

    @ServerRequestFilter(preMatching = true)
    Uni<Response> check(ContainerRequestContext request, HttpHeaders headers) {
        if ((tokens.isEmpty() && !oidc) || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        if (isStaticToken(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Uni.createFrom().nullItem();
        }
        if (!oidc) {
            return Uni.createFrom().item(unauthorized(headers));
        }
        return identities
                .getDeferredIdentity()
                .map(identity -> decide(identity, headers))
                .onFailure()
                .recoverWithItem(() -> unauthorized(headers));
    }

    private boolean isStaticToken(String header) {
        if (tokens.isEmpty() || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        for (byte[] token : tokens) {
            if (MessageDigest.isEqual(token, presented)) {
                return true;
            }
        }
        return false;
    }

    private Response decide(SecurityIdentity identity, HttpHeaders headers) {
        if (identity == null || identity.isAnonymous()) {
            return unauthorized(headers);
        }
        if (requiredRole.isPresent() && !identity.hasRole(requiredRole.get())) {
            Response problem = Problems.of(
                    403,
                    "forbidden",
                    "the bearer token does not grant the role '" + requiredRole.get() + "' this registry requires",
                    null,
                    headers);
            return Response.fromResponse(problem)
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\"")
                    .build();
        }
        return null;
    }

    private static Response unauthorized(HttpHeaders headers) {
        Response problem = Problems.of(
                401, "unauthorized", "a valid bearer token is required (Authorization: Bearer <token>)", null, headers);
        return Response.fromResponse(problem)
                .header(HttpHeaders.WWW_AUTHENTICATE, REALM)
                .build();
    }
}
