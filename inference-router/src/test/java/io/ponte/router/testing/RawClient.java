package io.ponte.router.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client over one socket, so tests see exactly what crossed the wire: each chunk of
 * a chunked response as it arrived, and the moment the test hangs up.
 */
public final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private int status;
    private final Map<String, String> headers = new HashMap<>();
    private boolean chunked;
    private long contentLength = -1;
    private boolean ended;

    /** A piece of the response body and when it arrived ({@link System#nanoTime()}). */
    public record Chunk(byte[] bytes, long arrivedNanos) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(20_000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    /** Sends a POST with a JSON body; returns once the request is written. */
    public static RawClient post(int port, String path, String json, String... extraHeaders) throws IOException {
        RawClient c = new RawClient(port);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        head.append("Content-Type: application/json\r\nContent-Length: ")
                .append(body.length)
                .append("\r\n");
        for (String h : extraHeaders) {
            head.append(h).append("\r\n");
        }
        head.append("\r\n");
        c.socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        c.socket.getOutputStream().write(body);
        c.socket.getOutputStream().flush();
        return c;
    }

    /** Blocks until the status line and headers arrived. */
    public RawClient awaitHeaders() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before the status line");
        }
        status = Integer.parseInt(statusLine.split(" ")[1]);
        headers.putAll(HttpWire.headers(in));
        chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        if (headers.containsKey("content-length")) {
            contentLength = Long.parseLong(headers.get("content-length"));
        }
        return this;
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The next body chunk as framed on the wire, or null at the end of the body. */
    public Chunk nextChunk() throws IOException {
        if (ended) {
            return null;
        }
        if (!chunked) {
            byte[] all = contentLength >= 0 ? in.readNBytes((int) contentLength) : in.readAllBytes();
            ended = true;
            return new Chunk(all, System.nanoTime());
        }
        String size = line();
        if (size == null) {
            throw new IOException("connection closed inside a chunked body");
        }
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        if (n == 0) {
            line();
            ended = true;
            return null;
        }
        byte[] bytes = in.readNBytes(n);
        long at = System.nanoTime();
        line();
        return new Chunk(bytes, at);
    }

    /** Every remaining chunk until the body ends. */
    public List<Chunk> remainingChunks() throws IOException {
        List<Chunk> out = new ArrayList<>();
        Chunk c;
        while ((c = nextChunk()) != null) {
            out.add(c);
        }
        return out;
    }

    /** The remaining body as text. */
    public String body() throws IOException {
        StringBuilder b = new StringBuilder();
        for (Chunk c : remainingChunks()) {
            b.append(c.text());
        }
        return b.toString();
    }

    /** Hangs up; returns {@link System#nanoTime()} just before the socket closed. */
    public long hangUp() {
        long at = System.nanoTime();
        FakeOpenAiUpstream.quietClose(socket);
        return at;
    }

    @Override
    public void close() {
        FakeOpenAiUpstream.quietClose(socket);
    }

    private String line() throws IOException {
        return HttpWire.line(in);
    }
}
