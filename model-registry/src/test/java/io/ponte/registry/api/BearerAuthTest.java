package io.ponte.registry.api;

import static io.ponte.registry.testing.Api.BASE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.ponte.registry.testing.RegistryDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RegistryDatabase.class, restrictToAnnotatedClass = true)
@TestProfile(BearerAuthTest.WithTokens.class)
class BearerAuthTest {

    /** Two tokens, as when one is being rotated out. */
    public static class WithTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ponte.registry.auth.tokens", "old-token-123,new-token-456");
        }
    }

    @Test
    void without_a_token_the_api_answers_401_with_a_challenge() {
        given().get(BASE + "/registered_models")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"ponte-model-registry\""))
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void a_wrong_token_is_refused_and_either_configured_token_is_accepted() {
        given().auth()
                .oauth2("new-token-45")
                .get(BASE + "/registered_models")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2("old-token-123")
                .get(BASE + "/registered_models")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2("new-token-456")
                .get(BASE + "/registered_models")
                .then()
                .statusCode(200);
    }

    @Test
    void health_stays_open_for_probes() {
        given().get("/q/health/ready").then().statusCode(200);
    }
}
