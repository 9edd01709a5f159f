package io.ponte.offload.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Token, node advertisement and the unix socket, as a site would configure them. */
@QuarkusTest
@TestProfile(SiteProfile.class)
class SiteSetupTest {

    @Test
    void calls_without_the_token_are_refused_and_with_it_answered() {
        given().body("[]").get("/status").then().statusCode(401).body(containsString("bearer token"));
        given().header("Authorization", "Bearer wrong")
                .body("[]")
                .get("/status")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + SiteProfile.TOKEN)
                .body("[]")
                .get("/status")
                .then()
                .statusCode(200);
    }

    @Test
    void the_ping_advertises_the_configured_resources_and_taints() {
        given().header("Authorization", "Bearer " + SiteProfile.TOKEN)
                .body("[]")
                .get("/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("ok"))
                .body("resources.cpu", equalTo("64"))
                .body("resources.memory", equalTo("256Gi"))
                .body("resources.pods", equalTo("110"))
                .body("resources.accelerators[0].resourceType", equalTo("nvidia.com/gpu"))
                .body("resources.accelerators[0].available", equalTo(4))
                .body("taints[0].key", equalTo("virtual-node.interlink/no-schedule"))
                .body("taints[0].value", equalTo("true"))
                .body("taints[0].effect", equalTo("NoSchedule"))
                .body("taints[1].key", equalTo("gpu"))
                .body("taints[1].effect", equalTo("NoExecute"));
    }

    @Test
    void the_plugin_answers_on_its_unix_socket() throws Exception {
        String request = "GET /status HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + SiteProfile.TOKEN
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n[]";
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(SiteProfile.SOCKET));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                answer.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
        }
        String text = answer.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("HTTP/1.1 200").contains("\"status\":\"ok\"");
    }
}
