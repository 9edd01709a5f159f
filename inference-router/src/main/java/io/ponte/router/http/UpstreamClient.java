package io.ponte.router.http;

import io.ponte.router.core.Address;
import io.ponte.router.core.Replica;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The HTTP/1.1 client every upstream call goes through: keep-alive pools per backend address, no
 * Nagle, no decompression (bodies are relayed as received).
 *
 * <p>One client per event-loop thread, used only from that thread: an upstream connection then lives
 * on the same event loop as the client connection it serves, so relaying a response or a stream
 * chunk never hops between threads (a shared pool hands out connections of any loop, and every
 * chunk then costs a task hand-off and a wake-up).
 */
@Singleton
class UpstreamClient {

    private final Vertx vertx;
    private final List<HttpClient> clients = new CopyOnWriteArrayList<>();
    private final ThreadLocal<HttpClient> perThread = ThreadLocal.withInitial(this::create);

    @Inject
    UpstreamClient(Vertx vertx) {
        this.vertx = vertx;
    }

    private HttpClient create() {
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setKeepAliveTimeout(60)
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true)
                .setDecompressionSupported(false)
                .setPipelining(false)
                .setVerifyHost(true);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(4096).setMaxWaitQueueSize(-1);
        HttpClient client = vertx.createHttpClient(options, pool);
        clients.add(client);
        return client;
    }

    /** Opens a request to {@code replica}'s base URL + {@code path}; connect bounded by {@code connectTimeout}. */
    Future<HttpClientRequest> open(Replica replica, HttpMethod method, String path, Duration connectTimeout) {
        Address address = replica.address();
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(address.host())
                .setPort(address.port())
                .setSsl(address.tls())
                .setURI(address.basePath() + path)
                .setConnectTimeout(connectTimeout.toMillis());
        return perThread.get().request(options);
    }

    @PreDestroy
    void close() {
        clients.forEach(HttpClient::close);
    }
}
