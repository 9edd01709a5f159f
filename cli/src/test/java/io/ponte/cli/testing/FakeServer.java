package io.ponte.cli.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stand-in for a Ponte service that lives in another module (the model registry, the rag service): an HTTP
 * server on a free loopback port that records every request and answers what the test told it to. Answers are
 * per method and path (the query is not looked at), served in order, the last one repeated; anything else gets a
 * 404 problem. Registered as a JUnit extension ({@code @RegisterExtension}), it stops after each test.
 */
public final class FakeServer implements AutoCloseable, AfterEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HOLD_AT_MOST = Duration.ofSeconds(10);

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** One request as it arrived; {@code query} decoded, {@code body} as sent. */
    public record Request(
            String method,
            String path,
            Map<String, String> query,
            String authorization,
            String contentType,
            String accept,
            String body) {
        /** The body as a JSON object. */
        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<>() {});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An answer sent in parts, each flushed; before each part after the first, {@code proceed} must hold. */
    private record Answer(int status, String contentType, List<String> parts, BooleanSupplier proceed) {}

    private FakeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // a handler that holds a streamed answer back must not hold up the next request, nor the JVM's exit
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static FakeServer start() {
        try {
            return new FakeServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} with {@code status} and the JSON {@code body} ("" for none). */
    public FakeServer answer(String method, String path, int status, String body) {
        return answer(method, path, status, "application/json", body);
    }

    /** Answers {@code method path} with {@code status} and {@code body} of type {@code contentType}. */
    public FakeServer answer(String method, String path, int status, String contentType, String body) {
        return add(method, path, new Answer(status, contentType, List.of(body), () -> true));
    }

    /**
     * Answers {@code method path} with 200 and {@code parts} of a {@code contentType} body, each flushed; before
     * each part after the first it waits, up to 10 s, until {@code proceed} holds.
     */
    public FakeServer answerInParts(
            String method, String path, String contentType, BooleanSupplier proceed, String... parts) {
        return add(method, path, new Answer(200, contentType, List.of(parts), proceed));
    }

    /** Every request so far, in order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests for {@code method path}, in order. */
    public List<Request> requests(String method, String path) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    /** The one request for {@code method path}; fails when there were none or several. */
    public Request request(String method, String path) {
        List<Request> matching = requests(method, path);
        if (matching.size() != 1) {
            throw new AssertionError(
                    "expected one " + method + " " + path + " but got " + matching.size() + " among " + requests);
        }
        return matching.getFirst();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private FakeServer add(String method, String path, Answer answer) {
        answers.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(
                    method,
                    path,
                    query(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"),
                    body));
            send(exchange, next(method + " " + path));
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        if (answer.parts().size() == 1) {
            byte[] bytes = answer.parts().getFirst().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
            return;
        }
        exchange.sendResponseHeaders(answer.status(), 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < answer.parts().size(); i++) {
                if (i > 0) {
                    hold(answer.proceed());
                }
                out.write(answer.parts().get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    /** Waits until {@code proceed} holds; after 10 s sends on anyway, for the test to fail on what it sees. */
    private static void hold(BooleanSupplier proceed) {
        try {
            Awaitility.await()
                    .atMost(HOLD_AT_MOST)
                    .pollInterval(Duration.ofMillis(10))
                    .until(proceed::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            // send on
        }
    }

    private Answer next(String key) {
        Deque<Answer> queue = answers.get(key);
        if (queue == null || queue.isEmpty()) {
            return new Answer(
                    404,
                    "application/problem+json",
                    List.of("{\"type\":\"urn:ponte:problem:not-found\",\"title\":\"Not Found\",\"status\":404,"
                            + "\"detail\":\"fake server: nothing at " + key + "\"}"),
                    () -> true);
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.poll() : queue.peek();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.put(decode(name), decode(value));
            }
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
