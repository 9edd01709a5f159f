package io.ponte.offload.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/** A site-like setup: a bearer token, advertised node resources and taints, and a unix socket. */
public class SiteProfile implements QuarkusTestProfile {
    static final String TOKEN = "s3cret-token";
    static final Path SOCKET = Path.of("target", "offload-plugin.sock").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ponte.offload.token", TOKEN,
                "ponte.offload.node.cpu", "64",
                "ponte.offload.node.memory", "256Gi",
                "ponte.offload.node.gpus", "4",
                "ponte.offload.node.taints", "virtual-node.interlink/no-schedule=true:NoSchedule,gpu:NoExecute",
                "quarkus.http.domain-socket-enabled", "true",
                "quarkus.http.domain-socket", SOCKET.toString(),
                "quarkus.vertx.prefer-native-transport", "true");
    }
}
