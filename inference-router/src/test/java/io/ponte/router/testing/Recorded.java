package io.ponte.router.testing;

import java.util.Map;

/**
 * One request the fake upstream received, and what became of its connection.
 */
public final class Recorded {

    public final String method;
    public final String path;
    public final Map<String, String> headers;
    public final byte[] body;
    public final long receivedNanos;
    private volatile long peerClosedNanos;
    private volatile boolean answered;
    /** The body pieces (SSE events, or the whole JSON) in the order they were written. */
    public final java.util.List<byte[]> sent = new java.util.concurrent.CopyOnWriteArrayList<>();

    Recorded(String method, String path, Map<String, String> headers, byte[] body, long receivedNanos) {
        this.method = method;
        this.path = path;
        this.headers = headers;
        this.body = body;
        this.receivedNanos = receivedNanos;
    }

    public String bodyText() {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@link System#nanoTime()} when the router closed the connection, or 0 while it is open. */
    public long peerClosedNanos() {
        return peerClosedNanos;
    }

    /** Whether the whole response was written. */
    public boolean answered() {
        return answered;
    }

    void peerClosed(long nanos) {
        if (peerClosedNanos == 0) {
            peerClosedNanos = nanos;
        }
    }

    void answered(boolean done) {
        answered = done;
    }

    /** The header value, by lower-case name. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
