package io.ponte.router.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-speaking (and v2-speaking) upstream on a loopback socket, written byte by byte so that
 * tests control every fault: JSON and SSE answers with configurable delays, error statuses, early
 * EOFs and stalls. It records each request and the moment its connection was closed by the peer.
 *
 * <p>This is the one fake in the router's tests: it stands in for vLLM / KServe predictors, which
 * cannot run here.
 */
public final class FakeOpenAiUpstream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-upstream");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Behaviour> queued = new ConcurrentLinkedQueue<>();
    private final List<Recorded> received = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Behaviour standing = Behaviour.ok();
    private volatile Set<String> models;
    private volatile int readyStatus = 200;

    private FakeOpenAiUpstream(Set<String> models) throws IOException {
        this.models = models;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** Starts an upstream serving {@code models}. */
    public static FakeOpenAiUpstream start(String... models) {
        try {
            return new FakeOpenAiUpstream(Set.of(models));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Base URL as an OpenAI backend: {@code http://127.0.0.1:PORT/v1}. */
    public String openAiUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    /** Base URL as a v2 server: {@code http://127.0.0.1:PORT}. */
    public String rootUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The behaviour for the next request only; several calls queue up. */
    public FakeOpenAiUpstream next(Behaviour b) {
        queued.add(b);
        return this;
    }

    /** The behaviour for every request without a queued one. */
    public FakeOpenAiUpstream always(Behaviour b) {
        standing = b;
        return this;
    }

    public FakeOpenAiUpstream readyStatus(int status) {
        readyStatus = status;
        return this;
    }

    public FakeOpenAiUpstream models(String... names) {
        models = Set.of(names);
        return this;
    }

    /** Forgets recorded requests and queued behaviours; back to normal answers. */
    public FakeOpenAiUpstream reset() {
        queued.clear();
        received.clear();
        standing = Behaviour.ok();
        readyStatus = 200;
        return this;
    }

    public List<Recorded> received() {
        return List.copyOf(received);
    }

    /** Requests other than probes. */
    public List<Recorded> calls() {
        return received.stream().filter(r -> !"GET".equals(r.method)).toList();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(FakeOpenAiUpstream::quietClose);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads requests off one connection; each is answered on its own thread while this one watches for EOF. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Recorded request = readRequest(in);
                if (request == null) {
                    return;
                }
                received.add(request);
                Behaviour b = queued.poll();
                Behaviour behaviour = b != null ? b : standing;
                var answering = threads.submit(() -> answer(request, behaviour, out, socket));
                in.mark(1);
                int next = readOrReset(in);
                if (next < 0) {
                    if (!socket.isClosed()) {
                        request.peerClosed(System.nanoTime());
                    }
                    answering.cancel(true);
                    return;
                }
                in.reset();
                answering.get();
            }
        } catch (Exception e) {
            // connection gone
        }
    }

    /**
     * The next byte, or -1 when the peer closed: a close that finds unread bytes in the kernel buffer goes out as
     * a TCP reset rather than a FIN, and that is a hang-up too.
     */
    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException e) {
            return -1;
        }
    }

    /** The most recent request to {@code path} (suffix match), waiting up to 5 s for it to arrive. */
    public Recorded awaitCall(String pathSuffix) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = received.size() - 1; i >= 0; i--) {
                if (received.get(i).path.endsWith(pathSuffix)) {
                    return received.get(i);
                }
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no request to " + pathSuffix + " reached upstream " + port());
    }

    private Recorded readRequest(InputStream in) throws IOException {
        String requestLine = HttpWire.line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = HttpWire.headers(in);
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Recorded(parts[0], parts[1], headers, body, System.nanoTime());
    }

    private void answer(Recorded request, Behaviour b, OutputStream out, Socket socket) {
        try {
            new Answer(request, b, out, socket, JSON, models, readyStatus).write();
        } catch (InterruptedException | IOException e) {
            // the peer went away or the test is over
        }
    }

    static void quietClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis());
        }
    }

    static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
