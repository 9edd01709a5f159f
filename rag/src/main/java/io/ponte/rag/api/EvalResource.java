package io.ponte.rag.api;

import io.ponte.rag.config.RagConfig;
import io.ponte.rag.core.RagException;
import io.ponte.rag.core.eval.AnswerChecks;
import io.ponte.rag.core.eval.EvalSet;
import io.ponte.rag.core.eval.Evaluator;
import io.ponte.rag.core.retrieve.RetrievalMode;
import io.ponte.rag.spi.PassageIndex;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code POST /rag/v1/eval?collection=..&modes=..}: scores retrieval on a JSON Lines evaluation set (the body). */
@Path("/rag/v1/eval")
public class EvalResource {

    private final Evaluator evaluator;
    private final AnswerChecks checks;
    private final PassageIndex index;
    private final RagConfig config;

    EvalResource(Evaluator evaluator, AnswerChecks checks, PassageIndex index, RagConfig config) {
        this.evaluator = evaluator;
        this.checks = checks;
        this.index = index;
        this.config = config;
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Evaluator.Report eval(
            @QueryParam("collection") String collection, @QueryParam("modes") String modes, String body) {
        String c = Questions.collection(index, collection == null ? config.defaultCollection() : collection);
        return evaluator.run(c, EvalSet.parse(body == null ? "" : body), modes(modes));
    }

    /**
     * {@code POST /rag/v1/eval/answers?collection=..}: answers every question with the configured language model
     * and checks the answers (key terms of the reference answer, citations of gold files, refusals). 409 when no
     * model is configured: extractive answers have nothing to check.
     */
    @POST
    @Path("/answers")
    @Consumes({"application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public AnswerChecks.Report answers(@QueryParam("collection") String collection, String body) {
        if (!checks.available()) {
            throw new RagException(
                    RagException.Reason.CONFLICT,
                    null,
                    "answer checks need a language model: set ponte.rag.llm.base-url");
        }
        String c = Questions.collection(index, collection == null ? config.defaultCollection() : collection);
        return checks.run(c, EvalSet.parse(body == null ? "" : body));
    }

    static List<RetrievalMode> modes(String modes) {
        if (modes == null || modes.isBlank()) {
            return List.of(RetrievalMode.values());
        }
        List<RetrievalMode> out = new ArrayList<>();
        for (String m : modes.split(",")) {
            try {
                out.add(RetrievalMode.valueOf(m.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw RagException.invalid(
                        "modes", "unknown mode '" + m + "'; modes: keyword, dense, hybrid, hybrid_rerank");
            }
        }
        return out;
    }
}
