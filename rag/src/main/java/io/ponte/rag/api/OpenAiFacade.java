package io.ponte.rag.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.rag.core.RagException;
import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.core.answer.Answer;
import io.ponte.rag.core.answer.AnswerService;
import io.ponte.rag.spi.LanguageModel;
import io.ponte.rag.spi.PassageIndex;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The OpenAI chat API in front of the collections, one model per collection ({@code rag-<collection>}), so any chat
 * UI or the Ponte router can use them. The last user message is the question, earlier messages the history; the
 * answer's sources follow its text, and the response carries them as {@code citations} too.
 */
@Path("/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OpenAiFacade {

    static final String PREFIX = "rag-";

    private final AnswerService answers;
    private final PassageIndex index;

    OpenAiFacade(AnswerService answers, PassageIndex index) {
        this.answers = answers;
        this.index = index;
    }

    @GET
    @Path("/models")
    public ObjectNode models() {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("object", "list");
        ArrayNode data = out.putArray("data");
        index.collections().stream()
                .sorted()
                .forEach(c -> data.addObject()
                        .put("id", PREFIX + c)
                        .put("object", "model")
                        .put("created", 0)
                        .put("owned_by", "ponte-rag"));
        return out;
    }

    @POST
    @Path("/chat/completions")
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    public Response chat(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RagException.invalid(null, "the request body must be a JSON object");
        }
        String model = body.path("model").asText("");
        if (!model.startsWith(PREFIX)) {
            throw RagException.notFound("model", "model '" + model + "' does not exist; models are rag-<collection>");
        }
        String collection = Questions.collection(index, model.substring(PREFIX.length()));
        List<LanguageModel.Turn> turns = turns(body.path("messages"));
        if (turns.isEmpty() || turns.get(turns.size() - 1).role() != LanguageModel.Role.USER) {
            throw RagException.invalid("messages", "messages must end with a user message: the question");
        }
        String question = Questions.question(turns.get(turns.size() - 1).text());
        List<LanguageModel.Turn> history = turns.subList(0, turns.size() - 1);
        String id = "chatcmpl-" + UUID.randomUUID();
        long created = System.currentTimeMillis() / 1000;
        if (!body.path("stream").asBoolean(false)) {
            Answer a = answers.answer(collection, question, history, SearchFilter.NONE);
            ObjectNode out = JsonNodeFactory.instance
                    .objectNode()
                    .put("id", id)
                    .put("object", "chat.completion")
                    .put("created", created)
                    .put("model", model);
            ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
            choice.putObject("message")
                    .put("role", "assistant")
                    .put("content", a.text() + AnswerJson.sourcesText(a.citations()));
            choice.put("finish_reason", "stop");
            out.set("citations", AnswerJson.citations(a.citations()));
            return Response.ok(out).build();
        }
        StreamingOutput stream = out -> {
            Sse sse = new Sse(out);
            Answer a = answers.answer(
                    collection,
                    question,
                    history,
                    SearchFilter.NONE,
                    r -> {},
                    piece -> sse.data(chunk(id, created, model, piece, null).toString()));
            String sources = AnswerJson.sourcesText(a.citations());
            if (!sources.isEmpty()) {
                sse.data(chunk(id, created, model, sources, null).toString());
            }
            sse.data(chunk(id, created, model, null, "stop").toString());
            sse.data("[DONE]");
        };
        return Response.ok(stream, MediaType.SERVER_SENT_EVENTS)
                .header("Cache-Control", "no-cache")
                .build();
    }

    private static ObjectNode chunk(String id, long created, String model, String content, String finish) {
        ObjectNode out = JsonNodeFactory.instance
                .objectNode()
                .put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model);
        ObjectNode choice = out.putArray("choices").addObject().put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return out;
    }

    private static List<LanguageModel.Turn> turns(JsonNode messages) {
        if (!messages.isArray()) {
            throw RagException.invalid("messages", "messages must be an array of {role, content}");
        }
        List<LanguageModel.Turn> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.path("role").asText("");
            JsonNode content = m.path("content");
            if (!content.isTextual()) {
                throw RagException.invalid("messages[" + i + "].content", "messages[" + i + "].content must be text");
            }
            switch (role) {
                case "user" -> out.add(new LanguageModel.Turn(LanguageModel.Role.USER, content.textValue()));
                case "assistant" -> out.add(new LanguageModel.Turn(LanguageModel.Role.ASSISTANT, content.textValue()));
                case "system", "developer" -> {
                    // the service's own instructions govern answers; a client's system prompt is not passed on
                }
                default ->
                    throw RagException.invalid(
                            "messages[" + i + "].role",
                            "messages[" + i + "].role must be system, user or assistant, not '" + role + "'");
            }
        }
        return out;
    }
}
