package io.ponte.cli.rag;

import static io.ponte.cli.http.Fields.text;
import static io.ponte.cli.http.Json.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.http.Json;
import io.ponte.cli.http.ServerSentEvent;
import io.ponte.cli.http.Service;
import io.ponte.cli.http.ServiceClient;
import io.ponte.cli.http.ServiceException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** What {@code ponte ingest}, {@code ponte ask} and {@code ponte rag} ask of the rag service, under {@value #API}. */
public final class RagService {
    static final String API = "/rag/v1";

    public static final String DEFAULT_URL = "http://127.0.0.1:8082";
    public static final String URL_VARIABLE = "PONTE_RAG_URL";

    /** How {@code ponte} names the rag service and finds it: {@code --rag}, {@value #URL_VARIABLE}. */
    public static final Service SERVICE =
            new Service("rag service", "rag service", "--rag", URL_VARIABLE, DEFAULT_URL, Optional.empty());

    /** Ingesting embeds every new or changed passage; an evaluation retrieves every question in every mode. */
    public static final Duration LONG_TIMEOUT = Duration.ofMinutes(10);

    /** How long an answer may take to start, and a streamed one may pause: a language model may be slow. */
    public static final Duration ASK_TIMEOUT = Duration.ofMinutes(2);

    private final ServiceClient http;

    /** @param http a client of {@link #SERVICE} */
    public RagService(ServiceClient http) {
        this.http = http;
    }

    /**
     * Ingests {@code path} (a directory or file, as the service's machine sees it) into {@code collection}, the
     * service's default one when absent. The answer is the ingest report: counts, failed files, time taken.
     */
    public ObjectNode ingest(Optional<String> collection, Path path) {
        Map<String, Object> body = new LinkedHashMap<>();
        collection.ifPresent(c -> body.put("collection", c));
        body.put("path", path.toString());
        return http.post(API + "/ingest", body, LONG_TIMEOUT);
    }

    /** The answer, with its mode, citations and the passages retrieved for it. */
    public ObjectNode ask(Question question) {
        return http.post(API + "/chat", question.body(false), ASK_TIMEOUT);
    }

    /**
     * Asks for the answer as server-sent events, handing its text to {@code pieces} piece by piece as it is written.
     * The result is the closing {@code done} event: {@code mode}, {@code answer} and {@code citations}.
     */
    public ObjectNode askStreaming(Question question, Consumer<String> pieces) {
        String path = API + "/chat";
        AtomicReference<ObjectNode> done = new AtomicReference<>();
        http.events(path, question.body(true), ASK_TIMEOUT, event -> {
            switch (event.name()) {
                case "delta" -> pieces.accept(text(data(event, path), "text", ""));
                case "done" -> done.set(data(event, path));
                case "error" ->
                    throw ServiceException.failed(
                            "the rag service failed while answering: "
                                    + Json.maybeObject(event.data())
                                            .flatMap(p -> text(p, "detail").or(() -> text(p, "message")))
                                            .orElse(event.data()),
                            null);
                default -> {
                    // passages, and events this client does not know
                }
            }
        });
        if (done.get() == null) {
            throw ServiceException.failed(
                    "the rag service's answer to POST " + path + " ended before its done event", null);
        }
        return done.get();
    }

    /**
     * Scores retrieval on an evaluation set in JSON Lines, in {@code modes} (comma-separated; all when absent). The
     * answer holds {@code scores} per mode and group (all, then each language) and the per-question results.
     */
    public ObjectNode eval(Optional<String> collection, Optional<String> modes, String questions) {
        Map<String, String> parameters = new LinkedHashMap<>();
        collection.ifPresent(c -> parameters.put("collection", c));
        modes.ifPresent(m -> parameters.put("modes", m));
        return http.postText(API + "/eval" + query(parameters), "application/x-ndjson", questions, LONG_TIMEOUT);
    }

    /**
     * Has the service answer every question with its language model and check the answers against the references
     * (key terms, citations of gold files, refusals). The service answers 409 when it has no model.
     */
    public ObjectNode evalAnswers(Optional<String> collection, String questions) {
        Map<String, String> parameters = new LinkedHashMap<>();
        collection.ifPresent(c -> parameters.put("collection", c));
        return http.postText(
                API + "/eval/answers" + query(parameters), "application/x-ndjson", questions, LONG_TIMEOUT);
    }

    private static ObjectNode data(ServerSentEvent event, String path) {
        try {
            return Json.object(event.data());
        } catch (IllegalArgumentException e) {
            throw ServiceException.failed(
                    "the rag service's " + event.name() + " event in its answer to POST " + path
                            + " is not a JSON object: " + e.getMessage(),
                    e);
        }
    }
}
