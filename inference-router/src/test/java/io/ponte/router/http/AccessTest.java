package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API keys, allowed models and per-key quotas, seen from a client. */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
@TestProfile(AccessTest.Keys.class)
class AccessTest extends RouterTestBase {

    /** alice: 3 requests a minute; bob: solo-model only; carol: unlimited; erin: 10 tokens a minute. */
    public static class Keys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ponte.router.api-keys.alice.hash",
                    "sha256:" + sha256("sk-alice"),
                    "ponte.router.api-keys.alice.requests-per-minute",
                    "3",
                    "ponte.router.api-keys.erin.hash",
                    sha256("sk-erin"),
                    "ponte.router.api-keys.bob.hash",
                    sha256("sk-bob"),
                    "ponte.router.api-keys.bob.models",
                    "solo-model",
                    "ponte.router.api-keys.erin.tokens-per-minute",
                    "10",
                    "ponte.router.api-keys.carol.hash",
                    sha256("sk-carol"));
        }
    }

    @Test
    void a_request_without_a_key_or_with_a_wrong_one_gets_401() throws Exception {
        HttpResponse<String> missing = post("/v1/chat/completions", chat("solo-model", false));
        HttpResponse<String> wrong =
                post("/v1/chat/completions", chat("solo-model", false), "authorization", "Bearer sk-mallory");
        HttpResponse<String> models = get("/v1/models");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("\"type\":\"authentication_error\"", "Missing API key");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Invalid API key").doesNotContain("sk-mallory");
        assertThat(models.statusCode()).isEqualTo(401);
        assertThat(Upstreams.SOLO.calls()).isEmpty();
    }

    @Test
    void a_key_only_reaches_its_allowed_models_and_only_lists_them() throws Exception {
        HttpResponse<String> allowed =
                post("/v1/chat/completions", chat("solo-model", false), "authorization", "Bearer sk-bob");
        HttpResponse<String> refused =
                post("/v1/chat/completions", chat("pool-model", false), "authorization", "Bearer sk-bob");
        HttpResponse<String> listed = get("/v1/models", "authorization", "Bearer sk-bob");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"model_not_allowed\"", "\"param\":\"model\"");
        assertThat(listed.body()).contains("\"id\":\"solo-model\"").doesNotContain("pool-model");
    }

    @Test
    void the_request_quota_answers_429_with_retry_after_once_spent() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post(
                                    "/v1/embeddings",
                                    "{\"model\":\"solo-model\",\"input\":\"x\"}",
                                    "authorization",
                                    "Bearer sk-alice")
                            .statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> limited = post(
                "/v1/embeddings", "{\"model\":\"solo-model\",\"input\":\"x\"}", "authorization", "Bearer sk-alice");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after"))
                .get()
                .matches(v -> Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 60);
        assertThat(limited.body()).contains("\"type\":\"rate_limit_error\"", "requests");
        assertThat(post(
                                "/v1/embeddings",
                                "{\"model\":\"solo-model\",\"input\":\"x\"}",
                                "authorization",
                                "Bearer sk-carol")
                        .statusCode())
                .as("other keys are not affected")
                .isEqualTo(200);
    }

    @Test
    void the_token_quota_counts_usage_reported_by_the_backend() throws Exception {
        // the fake backend reports 7 prompt + 3 completion tokens: exactly erin's 10 a minute
        HttpResponse<String> first =
                post("/v1/chat/completions", chat("solo-model", true), "authorization", "Bearer sk-erin");
        assertThat(first.statusCode()).isEqualTo(200);

        HttpResponse<String> second =
                post("/v1/chat/completions", chat("solo-model", true), "authorization", "Bearer sk-erin");

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).contains("tokens");
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
