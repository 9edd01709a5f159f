package io.ponte.rag.core.answer;

import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.core.retrieve.HybridRetriever;
import io.ponte.rag.core.retrieve.Retrieval;
import io.ponte.rag.spi.LanguageModel;
import io.ponte.rag.spi.LanguageModel.Role;
import io.ponte.rag.spi.LanguageModel.Turn;
import io.ponte.rag.spi.LanguageModels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Answers a question from a collection: retrieves, refuses when the evidence is weak, and otherwise has the
 * language model write an answer from numbered sources (or stitches one from the passages when there is no
 * model). Every citation in the result maps back to a retrieved passage.
 */
@ApplicationScoped
public class AnswerService {

    /** What the model is told to say when the sources do not answer the question. */
    static final String NOT_IN_DOCS = "NOT_IN_DOCS";

    static final String INSTRUCTIONS = "You answer questions about the documentation of a research computing"
            + " platform. Use ONLY the numbered sources given with the question. Cite the source of every statement"
            + " with its number in square brackets, like [1] or [2][3]. If the sources do not contain the answer,"
            + " reply with exactly " + NOT_IN_DOCS + " and nothing else. Answer in the language of the question,"
            + " briefly; keep commands, configuration keys and names exactly as the sources write them.";

    private final HybridRetriever retriever;
    private final Optional<LanguageModel> model;

    public AnswerService(HybridRetriever retriever, LanguageModels models) {
        this.retriever = retriever;
        this.model = models.configured();
    }

    public boolean generates() {
        return model.isPresent();
    }

    public Answer answer(String collection, String question, List<Turn> history, SearchFilter filter) {
        return answer(collection, question, history, filter, retrieval -> {}, piece -> {});
    }

    /**
     * Like {@link #answer}, telling {@code retrieved} what was found before answering and handing the answer's text
     * to {@code piece} as it is written.
     */
    public Answer answer(
            String collection,
            String question,
            List<Turn> history,
            SearchFilter filter,
            Consumer<Retrieval> retrieved,
            Consumer<String> piece) {
        Retrieval retrieval = retriever.retrieve(collection, question, filter);
        retrieved.accept(retrieval);
        if (!retrieval.covered() || retrieval.passages().isEmpty()) {
            String text = refusal(retrieval, collection);
            piece.accept(text);
            return new Answer(text, Answer.Mode.REFUSED, List.of(), retrieval);
        }
        Sources sources = new Sources(retrieval.passages());
        if (model.isEmpty()) {
            String text = Extractive.answer(retrieval.query(), sources);
            piece.accept(text);
            return new Answer(text, Answer.Mode.EXTRACTIVE, sources.citationsIn(text), retrieval);
        }
        HoldBack guard = new HoldBack(NOT_IN_DOCS, piece);
        String reply = model.get().stream(conversation(question, history, sources), guard)
                .strip();
        if (reply.contains(NOT_IN_DOCS)) {
            String text = refusal(retrieval, collection);
            piece.accept(text);
            return new Answer(text, Answer.Mode.REFUSED, List.of(), retrieval);
        }
        guard.flush();
        String checked = withoutInvalidMarkers(reply, sources);
        return new Answer(checked, Answer.Mode.GENERATED, sources.citationsIn(checked), retrieval);
    }

    static List<Turn> conversation(String question, List<Turn> history, Sources sources) {
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn(Role.SYSTEM, INSTRUCTIONS));
        for (Turn t : history) {
            if (t.role() != Role.SYSTEM) {
                turns.add(t);
            }
        }
        turns.add(new Turn(Role.USER, "Sources:\n\n" + sources.prompt() + "Question: " + question));
        return turns;
    }

    /** A marker that names no source is removed: it would cite something that was not retrieved. */
    private static String withoutInvalidMarkers(String reply, Sources sources) {
        String out = reply;
        for (int n : sources.invalidMarkers(reply)) {
            out = out.replace("[" + n + "]", "");
        }
        return out;
    }

    private static String refusal(Retrieval retrieval, String collection) {
        return "it".equals(retrieval.query().language())
                ? "La documentazione della collezione '" + collection + "' non tratta questa domanda."
                : "The documentation in collection '" + collection + "' does not cover this question.";
    }
}
