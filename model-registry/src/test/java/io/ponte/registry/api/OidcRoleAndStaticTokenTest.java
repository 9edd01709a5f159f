package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.ponte.registry.testing.OidcIssuer;
import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An OIDC issuer that must grant a role, next to a static token (say, for a CI job): either one lets a call in. */
@QuarkusTest
@QuarkusTestResource(value = RegistryDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcIssuer.class, restrictToAnnotatedClass = true)
@TestProfile(OidcRoleAndStaticTokenTest.RoleAndStaticToken.class)
class OidcRoleAndStaticTokenTest {

    public static class RoleAndStaticToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ponte.registry.auth.oidc-required-role", "registry-user",
                    "ponte.registry.auth.tokens", "ci-token-123");
        }
    }

    private static final String MODELS = BASE + "/registered_models";

    @Test
    void a_token_with_the_required_role_is_accepted() {
        given().auth()
                .oauth2(OidcIssuer.sign(OidcIssuer.claims().groups(Set.of("registry-user", "other"))))
                .get(MODELS)
                .then()
                .statusCode(200);
    }

    @Test
    void a_valid_token_without_the_required_role_answers_403_problem() {
        given().auth()
                .oauth2(OidcIssuer.sign(OidcIssuer.claims().groups(Set.of("other"))))
                .accept("application/problem+json")
                .get(MODELS)
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("code", equalTo("forbidden"));
    }

    @Test
    void the_static_token_still_works_and_a_wrong_one_is_refused() {
        given().auth().oauth2("ci-token-123").get(MODELS).then().statusCode(200);
        given().auth().oauth2("ci-token-12").get(MODELS).then().statusCode(401).body("code", equalTo("unauthorized"));
    }

    @Test
    void a_token_with_the_role_from_another_key_is_refused() {
        given().auth()
                .oauth2(OidcIssuer.signWithAnotherKey(OidcIssuer.claims().groups(Set.of("registry-user"))))
                .get(MODELS)
                .then()
                .statusCode(401);
    }
}
