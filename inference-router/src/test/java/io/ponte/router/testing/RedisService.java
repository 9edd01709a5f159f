package io.ponte.router.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * The one place tests get a Redis from: {@code PONTE_TEST_REDIS_URL} if set, else the local server
 * on 127.0.0.1:6379 when it answers PING, else a Testcontainers Redis when a Docker engine exists.
 * Empty when none of these is available; tests then skip with {@link #WHY_ABSENT}.
 */
public final class RedisService {

    public static final String WHY_ABSENT =
            "no Redis: set PONTE_TEST_REDIS_URL, start one on 127.0.0.1:6379 (bash .ci/run does), or run a Docker engine";

    private static Optional<String> url;
    private static GenericContainer<?> container;

    private RedisService() {}

    /** A {@code redis://host:port} URL of a Redis that answered, if any. */
    public static synchronized Optional<String> url() {
        if (url == null) {
            url = resolve();
        }
        return url;
    }

    private static Optional<String> resolve() {
        String configured = System.getenv("PONTE_TEST_REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        if (answersPing("127.0.0.1", 6379)) {
            return Optional.of("redis://127.0.0.1:6379");
        }
        if (dockerAvailable()) {
            container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return Optional.of("redis://" + container.getHost() + ":" + container.getMappedPort(6379));
        }
        return Optional.empty();
    }

    static boolean answersPing(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 300);
            s.setSoTimeout(500);
            s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(5);
            return "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
