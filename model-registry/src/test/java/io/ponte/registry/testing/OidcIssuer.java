package io.ponte.registry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in OpenID Connect provider on 127.0.0.1: it serves the discovery document and a JWKS holding an RSA key
 * made here, and signs tokens with that key. The identity provider is the far seam (no IAM runs here); everything on
 * the registry's side is real: quarkus-oidc discovers this issuer over HTTP, fetches its keys and verifies
 * signature, issuer and expiry itself.
 *
 * <p>As a test resource it hands the registry {@code quarkus.oidc.*} pointing at itself before Quarkus starts. Tests
 * run one at a time, so the issuer of the running test class is a static.
 */
public class OidcIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "ponte-model-registry";
    private static final String KEY_ID = "ponte-test-key";

    private static volatile Running current;

    private record Running(HttpServer server, String issuer, KeyPair keys, List<String> requests) {}

    @Override
    public Map<String, String> start() {
        try {
            KeyPair keys = rsaKeys();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ponte";
            List<String> requests = new CopyOnWriteArrayList<>();
            server.createContext("/realms/ponte/.well-known/openid-configuration", exchange -> {
                requests.add(exchange.getRequestURI().getPath());
                answer(exchange, discovery(issuer));
            });
            server.createContext("/realms/ponte/protocol/openid-connect/certs", exchange -> {
                requests.add(exchange.getRequestURI().getPath());
                answer(exchange, jwks((RSAPublicKey) keys.getPublic()));
            });
            server.start();
            current = new Running(server, issuer, keys, requests);
            return Map.of(
                    "quarkus.oidc.tenant-enabled",
                    "true",
                    "quarkus.oidc.auth-server-url",
                    issuer,
                    "quarkus.oidc.client-id",
                    CLIENT_ID,
                    "quarkus.oidc.discovery-enabled",
                    "true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        Running running = current;
        if (running != null) {
            running.server().stop(0);
            current = null;
        }
    }

    /** This issuer's URL, the {@code iss} of the tokens it signs. */
    public static String issuer() {
        return running().issuer();
    }

    /** Claims of a token this issuer would grant: subject {@code alice}, valid for five minutes. */
    public static JwtClaimsBuilder claims() {
        return Jwt.issuer(issuer()).subject("alice").expiresIn(Duration.ofMinutes(5));
    }

    /** Signs with this issuer's key, named in the JWKS. */
    public static String sign(JwtClaimsBuilder claims) {
        return sign(claims, running().keys().getPrivate());
    }

    /** Signs with a key the issuer never published, under the published key's id. */
    public static String signWithAnotherKey(JwtClaimsBuilder claims) {
        return sign(claims, rsaKeys().getPrivate());
    }

    /** Paths the registry fetched from this issuer, in order. */
    public static List<String> requests() {
        return List.copyOf(running().requests());
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(KEY_ID).sign(key);
    }

    private static Running running() {
        Running running = current;
        if (running == null) {
            throw new IllegalStateException("no OidcIssuer is running; annotate the test with @QuarkusTestResource");
        }
        return running;
    }

    private static String discovery(String issuer) {
        return """
                {"issuer":"%1$s",
                 "jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "id_token_signing_alg_values_supported":["RS256"],
                 "subject_types_supported":["public"],
                 "response_types_supported":["code"]}""".formatted(issuer);
    }

    private static String jwks(RSAPublicKey key) {
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}""".formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    /** An unsigned big-endian integer in base64url without padding, as JWK wants it (RFC 7518 §6.3.1). */
    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
