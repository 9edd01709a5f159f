package io.ponte.bench.router;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;

/** One path under test (direct, nginx, router): where to send, and how to build clients for it. */
record Target(String name, String host, int port, String apiKey) {

    static final String CHAT_URI = "/v1/chat/completions";

    static Target parse(String name, String url, String apiKey) {
        URI uri = URI.create(url);
        if (uri.getPort() < 0 || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " URL needs host and port: " + url);
        }
        return new Target(name, uri.getHost(), uri.getPort(), apiKey);
    }

    /** A keep-alive HTTP/1.1 client with at most {@code connections} connections and an unbounded queue. */
    HttpClient client(Vertx vertx, int connections) {
        var options = new HttpClientOptions()
                .setDefaultHost(host)
                .setDefaultPort(port)
                .setKeepAlive(true)
                .setKeepAliveTimeout(600)
                .setTcpNoDelay(true)
                .setPipelining(false);
        return vertx.httpClientBuilder()
                .with(options)
                .with(new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1))
                .build();
    }

    RequestOptions chatRequest() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add(HttpHeaders.CONTENT_TYPE, "application/json");
        if (apiKey != null && !apiKey.isEmpty()) {
            headers.add(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey);
        }
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(host)
                .setPort(port)
                .setURI(CHAT_URI)
                .setHeaders(headers);
    }

    @Override
    public String toString() {
        return name + "=http://" + host + ":" + port;
    }
}
