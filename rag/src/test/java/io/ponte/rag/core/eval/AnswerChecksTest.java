package io.ponte.rag.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.rag.core.answer.Answer;
import io.ponte.rag.core.answer.Citation;
import io.ponte.rag.core.retrieve.Query;
import io.ponte.rag.core.retrieve.Retrieval;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerChecksTest {

    private static final EvalQuestion PORTS = new EvalQuestion(
            "p", "Which ports?", List.of("ops/storage.md"), "en", "HTTPS on 8443 and plain HTTP on 8085.");

    @Test
    void key_terms_are_numbers_identifiers_and_names() {
        assertThat(AnswerChecks.keyTerms("TELEMETRY_ENDPOINT, default \"localhost:4317\"."))
                .contains("TELEMETRY_ENDPOINT", "localhost:4317");
        assertThat(AnswerChecks.keyTerms("HTTPS on 8443 and plain HTTP on 8085."))
                .contains("8443", "8085", "HTTPS");
    }

    @Test
    void a_right_answer_citing_a_gold_file_is_correct() {
        var c = AnswerChecks.check(PORTS, answer("It listens on 8443 (HTTPS) and 8085 (HTTP) [1].", "ops/storage.md"));

        assertThat(c.keyTermRecall()).isEqualTo(1.0);
        assertThat(c.citationPrecision()).isEqualTo(1.0);
        assertThat(c.correct()).isTrue();
    }

    @Test
    void a_wrong_number_or_a_wrong_source_is_not() {
        assertThat(AnswerChecks.check(PORTS, answer("It listens on 443 [1].", "ops/storage.md"))
                        .correct())
                .isFalse();
        assertThat(AnswerChecks.check(PORTS, answer("8443 and 8085, HTTPS and HTTP [1].", "guides/tracing.mdx"))
                        .correct())
                .isFalse();
    }

    @Test
    void an_unanswerable_question_is_correct_only_when_refused() {
        var q = new EvalQuestion("u", "Risotto?", List.of(), "en", "");
        var refused = new Answer("not covered", Answer.Mode.REFUSED, List.of(), retrieval());

        assertThat(AnswerChecks.check(q, refused).correct()).isTrue();
        assertThat(AnswerChecks.check(q, answer("Use rice [1].", "ops/storage.md"))
                        .correct())
                .isFalse();
    }

    private static Answer answer(String text, String file) {
        return new Answer(text, Answer.Mode.GENERATED, List.of(new Citation(1, file, "", 1, 2, "")), retrieval());
    }

    private static Retrieval retrieval() {
        return new Retrieval("q", new Query("q", "en", "q", List.of(), List.of(), List.of()), List.of(), true, 0.9);
    }
}
