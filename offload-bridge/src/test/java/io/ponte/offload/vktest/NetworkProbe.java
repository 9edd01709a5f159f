package io.ponte.offload.vktest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Whether this machine can open a TCP connection to a host on the internet (HTTPS port), cached. */
class NetworkProbe {
    private final Duration timeout;
    private final Map<String, Boolean> cache = new ConcurrentHashMap<>();

    NetworkProbe(Duration timeout) {
        this.timeout = timeout;
    }

    boolean reachable(String host) {
        return cache.computeIfAbsent(host, this::connect);
    }

    private boolean connect(String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 443), (int) timeout.toMillis());
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
