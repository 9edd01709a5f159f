package io.ponte.router.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ponte.router.testing.RedisService;
import io.ponte.router.testing.RouterTestBase;
import io.ponte.router.testing.Upstreams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With a Redis URL configured, the quota lives in Redis, where every router replica sees it. */
@QuarkusTest
@QuarkusTestResource(Upstreams.class)
@TestProfile(SharedQuotaTest.InRedis.class)
class SharedQuotaTest extends RouterTestBase {

    static final String PREFIX = "ponte-test-" + UUID.randomUUID() + ":";

    public static class InRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ponte.router.api-keys.dave.hash",
                    AccessTest.sha256("sk-dave"),
                    "ponte.router.api-keys.dave.requests-per-minute",
                    "2",
                    "ponte.router.limiter.redis-url",
                    RedisService.url().orElse("redis://127.0.0.1:1"),
                    "ponte.router.limiter.redis-prefix",
                    PREFIX,
                    "ponte.router.limiter.fail-open",
                    "false");
        }
    }

    @Test
    void the_request_quota_is_kept_in_redis() throws Exception {
        assumeThat(RedisService.url()).as(RedisService.WHY_ABSENT).isPresent();

        assertThat(embedAsDave()).isEqualTo(200);
        assertThat(redisKeysWithPrefix()).as("state lives in Redis").isTrue();
        assertThat(embedAsDave()).isEqualTo(200);
        assertThat(embedAsDave()).isEqualTo(429);
    }

    private int embedAsDave() throws Exception {
        return post("/v1/embeddings", "{\"model\":\"solo-model\",\"input\":\"x\"}", "authorization", "Bearer sk-dave")
                .statusCode();
    }

    private static boolean redisKeysWithPrefix() throws IOException {
        URI uri = URI.create(RedisService.url().orElseThrow());
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            String pattern = PREFIX + "*";
            String cmd = "*2\r\n$4\r\nKEYS\r\n$" + pattern.length() + "\r\n" + pattern + "\r\n";
            s.getOutputStream().write(cmd.getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            byte[] head = new byte[2];
            in.readNBytes(head, 0, 2);
            // "*N": an array of N keys; "*0" when none
            return head[0] == '*' && head[1] != '0';
        }
    }
}
