package io.ponte.registry.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** A Kubernetes API URL on a loopback port nobody listens on: configured, never answering. */
public class DeployWithoutClusterProfile implements QuarkusTestProfile {

    /**
     * Quarkus asks for the overrides at build and at start, from two class loaders, and both answers must agree: the
     * port is kept where both see it.
     */
    private static final String PORT_PROPERTY = "ponte.test.closed-kubernetes-port";

    @Override
    public Map<String, String> getConfigOverrides() {
        String port = System.getProperties()
                .computeIfAbsent(PORT_PROPERTY, k -> Integer.toString(closedPort()))
                .toString();
        return Map.of(
                "quarkus.kubernetes-client.api-server-url",
                "http://127.0.0.1:" + port,
                "ponte.registry.deploy.placements.leonardo-h100.interlink",
                "true");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
