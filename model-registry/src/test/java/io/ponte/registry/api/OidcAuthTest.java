package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.ponte.registry.testing.OidcIssuer;
import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry behind an OIDC issuer ({@link OidcIssuer}, a stand-in on loopback): every {@code /api/*} call needs a
 * bearer JWT that quarkus-oidc verifies against the issuer's published key.
 */
@QuarkusTest
@QuarkusTestResource(value = RegistryDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcIssuer.class, restrictToAnnotatedClass = true)
@TestProfile(OidcAuthTest.IssuerOnly.class)
class OidcAuthTest {

    /** The issuer alone (its {@code quarkus.oidc.*} keys come from {@link OidcIssuer}): no static tokens, no role. */
    public static class IssuerOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.registry.auth.oidc-required-role", "");
        }
    }

    private static final String MODELS = BASE + "/registered_models";

    @Test
    void without_a_token_the_api_answers_401_problem_with_a_challenge() {
        given().accept("application/problem+json")
                .get(MODELS)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void a_token_signed_by_the_issuer_is_accepted() {
        given().auth()
                .oauth2(OidcIssuer.sign(OidcIssuer.claims()))
                .get(MODELS)
                .then()
                .statusCode(200);

        assertThat(OidcIssuer.requests())
                .as("the registry discovered the issuer and fetched its keys")
                .contains(
                        "/realms/ponte/.well-known/openid-configuration",
                        "/realms/ponte/protocol/openid-connect/certs");
    }

    @Test
    void an_expired_token_is_refused() {
        Instant now = Instant.now();
        String expired = OidcIssuer.sign(
                OidcIssuer.claims().issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(300)));

        given().auth()
                .oauth2(expired)
                .get(MODELS)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void a_token_signed_by_another_key_is_refused() {
        given().auth()
                .oauth2(OidcIssuer.signWithAnotherKey(OidcIssuer.claims()))
                .get(MODELS)
                .then()
                .statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void a_token_from_another_issuer_is_refused() {
        given().auth()
                .oauth2(OidcIssuer.sign(OidcIssuer.claims().issuer("https://iam.example/realms/elsewhere")))
                .get(MODELS)
                .then()
                .statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void a_bearer_that_is_not_a_jwt_is_refused() {
        given().auth().oauth2("not-a-jwt").get(MODELS).then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void health_stays_open_for_probes_whatever_the_authorization_header() {
        given().get("/q/health/ready").then().statusCode(200);
        given().auth().oauth2("not-a-jwt").get("/q/health/ready").then().statusCode(200);
    }
}
