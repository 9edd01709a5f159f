package io.ponte.router.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The upstreams every router test talks to, started once per Quarkus boot, and the static backend
 * configuration that points the router at them.
 */
public final class Upstreams implements QuarkusTestResourceLifecycleManager {

    /** Serves {@code solo-model} and {@code quick-model} (short per-model timeouts) alone. */
    public static FakeOpenAiUpstream SOLO;
    /** With {@link #POOL_B}: the two replicas of {@code pool-model}. */
    public static FakeOpenAiUpstream POOL_A;

    public static FakeOpenAiUpstream POOL_B;
    /** With a closed port: {@code flaky-model}. */
    public static FakeOpenAiUpstream ALIVE;
    /** A v2 server for {@code tensor-model}. */
    public static FakeOpenAiUpstream V2;

    @Override
    public Map<String, String> start() {
        SOLO = FakeOpenAiUpstream.start("solo-model", "quick-model");
        POOL_A = FakeOpenAiUpstream.start("pool-model");
        POOL_B = FakeOpenAiUpstream.start("pool-model");
        ALIVE = FakeOpenAiUpstream.start("flaky-model");
        V2 = FakeOpenAiUpstream.start();
        Map<String, String> c = new HashMap<>();
        backend(c, "solo", SOLO.openAiUrl(), "solo-model,quick-model");
        backend(c, "pool-a", POOL_A.openAiUrl(), "pool-model");
        backend(c, "pool-b", POOL_B.openAiUrl(), "pool-model");
        // the same two servers again, as the replicas of a model only the ejection test uses
        backend(c, "eject-a", POOL_A.openAiUrl(), "eject-model");
        backend(c, "eject-b", POOL_B.openAiUrl(), "eject-model");
        backend(c, "alive", ALIVE.openAiUrl(), "flaky-model");
        backend(c, "dead", "http://127.0.0.1:" + closedPort() + "/v1", "flaky-model");
        backend(c, "tensors", V2.rootUrl(), "tensor-model");
        c.put("ponte.router.backends.tensors.protocol", "v2");
        return c;
    }

    /** Puts every upstream back to normal answers and forgets what they recorded. */
    public static void resetAll() {
        for (FakeOpenAiUpstream u : new FakeOpenAiUpstream[] {SOLO, POOL_A, POOL_B, ALIVE, V2}) {
            u.reset();
        }
    }

    private static void backend(Map<String, String> c, String name, String url, String models) {
        c.put("ponte.router.backends." + name + ".url", url);
        c.put("ponte.router.backends." + name + ".models", models);
    }

    /** A loopback port nothing listens on. */
    static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        for (FakeOpenAiUpstream u : new FakeOpenAiUpstream[] {SOLO, POOL_A, POOL_B, ALIVE, V2}) {
            if (u != null) {
                u.close();
            }
        }
    }
}
