package io.ponte.rag.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.rag.config.RagConfig;
import io.ponte.rag.core.RagException;
import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.core.answer.Answer;
import io.ponte.rag.core.answer.AnswerService;
import io.ponte.rag.core.ingest.IngestReport;
import io.ponte.rag.core.ingest.Ingestor;
import io.ponte.rag.spi.PassageIndex;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Optional;

/** The rag API: ask, ingest, list collections. */
@Path("/rag/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RagResource {

    private final AnswerService answers;
    private final Ingestor ingestor;
    private final PassageIndex index;
    private final RagConfig config;
    private final ObjectMapper json;

    RagResource(AnswerService answers, Ingestor ingestor, PassageIndex index, RagConfig config, ObjectMapper json) {
        this.answers = answers;
        this.ingestor = ingestor;
        this.index = index;
        this.config = config;
        this.json = json;
    }

    /**
     * Answers a question with citations. With {@code "stream": true} the answer comes as server-sent events:
     * {@code passages} (what was retrieved), then {@code delta} events with the text as it is written, then
     * {@code done} with the citations and the mode.
     */
    @POST
    @Path("/chat")
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    public Response chat(ChatRequest request) {
        if (request == null) {
            throw RagException.invalid(null, "the request body must be a JSON object with a question");
        }
        String question = Questions.question(request.question());
        String collection = Questions.collection(
                index, Optional.ofNullable(request.collection()).orElse(config.defaultCollection()));
        var history = Questions.history(request.history());
        SearchFilter filter =
                new SearchFilter(Optional.ofNullable(request.source()).filter(s -> !s.isBlank()));
        if (!Boolean.TRUE.equals(request.stream())) {
            Answer a = answers.answer(collection, question, history, filter);
            return Response.ok(AnswerJson.answer(collection, a)).build();
        }
        StreamingOutput body = out -> {
            Sse sse = new Sse(out);
            Answer a = answers.answer(
                    collection,
                    question,
                    history,
                    filter,
                    retrieval -> sse.event(
                            "passages",
                            AnswerJson.passages(retrieval.passages()).toString()),
                    piece -> sse.event("delta", text(piece)));
            ObjectNode done = JsonNodeFactory.instance.objectNode();
            done.put("mode", a.mode().name().toLowerCase(java.util.Locale.ROOT));
            done.put("answer", a.text());
            done.set("citations", AnswerJson.citations(a.citations()));
            sse.event("done", done.toString());
        };
        return Response.ok(body, MediaType.SERVER_SENT_EVENTS)
                .header("Cache-Control", "no-cache")
                .build();
    }

    /** Ingests a directory or a file into a collection; re-ingesting only re-embeds what changed. */
    @POST
    @Path("/ingest")
    public IngestReport ingest(IngestRequest request) {
        if (request == null || request.path() == null || request.path().isBlank()) {
            throw RagException.invalid("path", "path is required: a directory or file under an allowed root");
        }
        String collection = Optional.ofNullable(request.collection()).orElse(config.defaultCollection());
        return ingestor.ingest(collection, java.nio.file.Path.of(request.path()));
    }

    /** The collections and how many passages each holds. */
    @GET
    @Path("/collections")
    public ObjectNode collections() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        var list = out.putArray("collections");
        index.collections().stream()
                .sorted()
                .forEach(c -> list.addObject()
                        .put("name", c)
                        .put("passages", index.passageCount(c))
                        .put("files", index.fileHashes(c).size()));
        out.put("generation", answers.generates() ? "llm" : "extractive");
        return out;
    }

    private String text(String piece) {
        try {
            return json.writeValueAsString(JsonNodeFactory.instance.objectNode().put("text", piece));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /rag/v1/ingest}: a path under an allowed root, into a collection. */
    public record IngestRequest(String collection, String path) {}
}
