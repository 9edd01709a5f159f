package io.ponte.bench.common;

import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An HTTP/1.1 client for load generators that share the CPUs with the service they measure: one Vert.x event loop
 * (native epoll when available), kept-alive connections (one per concurrent caller), callers blocking until the whole
 * answer is in. Vert.x rather than {@code java.net.http} because it costs the shared CPUs far less per request (in the
 * registry benchmark {@code java.net.http} spent ≈ 0.4 CPU-ms per get, more than the registry itself).
 */
public final class BlockingHttp implements AutoCloseable {

    /** Status and body of an answer. */
    public record Answer(int status, String body) {}

    private final Vertx vertx;
    private final Context context;
    private final HttpClient http;
    private final String host;
    private final int port;
    private final long deadlineMs;

    /** A client for {@code url}'s host and port; every exchange must finish within {@code deadline}. */
    public BlockingHttp(String url, int connections, Duration deadline) {
        URI uri = URI.create(url);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.deadlineMs = deadline.toMillis();
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
        this.context = vertx.getOrCreateContext();
        this.http = vertx.httpClientBuilder()
                .with(new HttpClientOptions()
                        .setDefaultHost(host)
                        .setDefaultPort(port)
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(600)
                        .setTcpNoDelay(true)
                        .setConnectTimeout(5000))
                .with(new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1))
                .build();
    }

    /** "epoll" or "nio": the transport the client runs on. */
    public String transport() {
        return vertx.isNativeTransportEnabled() ? "epoll" : "nio";
    }

    /**
     * Sends one request and waits for the whole answer, whatever its status.
     *
     * @param uri path and query
     * @param body the request body, or null for none
     * @throws IOException when no answer came (connection failure, deadline)
     */
    public Answer send(HttpMethod method, String uri, MultiMap headers, String body) throws IOException {
        var options = new RequestOptions()
                .setMethod(method)
                .setHost(host)
                .setPort(port)
                .setURI(uri)
                .setHeaders(headers)
                .setTimeout(deadlineMs);
        // Start the exchange on the client's own context, so that its callbacks (response, then body) run on the event
        // loop as the bytes arrive. When it was started from the worker thread, 7 of about 110,000 registry creates
        // came
        // back as 201 with an empty body although the registry had stored the version; a raw-socket client saw no such
        // answer in 100,000 creates, and none has come back since the exchange starts on the context.
        var promise = Promise.<Answer>promise();
        context.runOnContext(v -> http.request(options)
                .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
                .compose(resp ->
                        resp.body().map(b -> new Answer(resp.statusCode(), b.toString(StandardCharsets.UTF_8))))
                .onComplete(promise));
        try {
            return promise.future()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(deadlineMs + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(method + " " + pathOf(uri) + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(method + " " + pathOf(uri) + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The URI without its query, for messages. */
    public static String pathOf(String uri) {
        return uri.replaceFirst("\\?.*", "");
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
