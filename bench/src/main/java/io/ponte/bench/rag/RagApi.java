package io.ponte.bench.rag;

import io.ponte.bench.common.BlockingHttp;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/** The rag endpoints the benchmark calls, over one {@link BlockingHttp} connection; a non-2xx answer is an exception. */
final class RagApi implements AutoCloseable {

    /** A full ingest on a busy 2-CPU machine takes minutes; nothing else comes near. */
    private static final Duration DEADLINE = Duration.ofMinutes(15);

    private static final MultiMap JSON = headers("application/json");
    private static final MultiMap JSONL = headers("application/x-ndjson");

    private final BlockingHttp http;
    private final String collection;

    RagApi(String url, String collection) {
        this.http = new BlockingHttp(url, 1, DEADLINE);
        this.collection = collection;
    }

    String transport() {
        return http.transport();
    }

    /** {@code POST /rag/v1/ingest}: brings {@code collection} in line with {@code path}; the service's report. */
    JsonObject ingest(String collection, Path path) throws IOException {
        String body = new JsonObject()
                .put("collection", collection)
                .put("path", path.toString())
                .encode();
        return new JsonObject(send(HttpMethod.POST, "/rag/v1/ingest", JSON, body));
    }

    /** {@code POST /rag/v1/chat}: the answer JSON (extractive unless the service has a language model). */
    String chat(String question) throws IOException {
        String body = new JsonObject()
                .put("question", question)
                .put("collection", collection)
                .encode();
        return send(HttpMethod.POST, "/rag/v1/chat", JSON, body);
    }

    /** {@code POST /rag/v1/eval} of one evaluation line in one retrieval mode: the retrieval alone, no answer. */
    String eval(String mode, String jsonLine) throws IOException {
        String uri =
                "/rag/v1/eval?collection=" + URLEncoder.encode(collection, StandardCharsets.UTF_8) + "&modes=" + mode;
        return send(HttpMethod.POST, uri, JSONL, jsonLine);
    }

    /** {@code GET /q/health/live}: no work behind it, the HTTP stack's own cost. */
    void live() throws IOException {
        send(HttpMethod.GET, "/q/health/live", JSON, null);
    }

    /** Whether {@code /q/health/ready} answers 200 (start-up ingestion done). */
    boolean ready() {
        try {
            return http.send(HttpMethod.GET, "/q/health/ready", JSON, null).status() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private String send(HttpMethod method, String uri, MultiMap headers, String body) throws IOException {
        BlockingHttp.Answer a = http.send(method, uri, headers, body);
        if (a.status() / 100 != 2) {
            throw new IOException(method + " " + BlockingHttp.pathOf(uri) + " answered " + a.status() + ": "
                    + a.body().substring(0, Math.min(300, a.body().length())));
        }
        return a.body();
    }

    private static MultiMap headers(String contentType) {
        return MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.ACCEPT, "application/json")
                .add(HttpHeaders.CONTENT_TYPE, contentType);
    }

    @Override
    public void close() {
        http.close();
    }
}
