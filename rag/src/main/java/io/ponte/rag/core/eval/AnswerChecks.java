package io.ponte.rag.core.eval;

import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.core.answer.Answer;
import io.ponte.rag.core.answer.AnswerService;
import io.ponte.rag.core.answer.Citation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks generated answers when a language model is configured: the reference answer's key terms (numbers,
 * identifiers, names) must appear in the answer, its citations must point at gold files, and questions the
 * documentation does not cover must be refused. Deterministic, so it can run in CI against any model.
 */
@ApplicationScoped
public class AnswerChecks {

    /** Numbers, identifiers with punctuation inside, CamelCase and capitalised names, quoted strings. */
    private static final Pattern KEY_TERM = Pattern.compile(
            "\"[^\"]{1,60}\"|`[^`]{1,60}`|\\b\\d[\\d.,:]*\\b|[A-Za-z0-9]+(?:[._/:-][A-Za-z0-9]+)+|\\b[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*\\b"
                    + "|\\b[A-Z][a-z]{2,}\\b");

    private static final Set<String> COMMON =
            Set.of("The", "This", "Only", "Both", "When", "With", "And", "For", "Yes", "No");

    private final AnswerService answers;

    public AnswerChecks(AnswerService answers) {
        this.answers = answers;
    }

    /**
     * One question's check.
     *
     * @param id the question
     * @param mode how it was answered
     * @param keyTermRecall the share of the reference answer's key terms found in the answer (answerable only)
     * @param citationPrecision the share of cited files that are gold files (answerable, with citations)
     * @param correct refused when unanswerable; for answerable: not refused, at least half the key terms, and a
     *     citation of a gold file
     */
    public record Checked(
            String id, Answer.Mode mode, double keyTermRecall, double citationPrecision, boolean correct) {}

    /** The checks of a set and their means. */
    public record Report(
            int questions,
            double meanKeyTermRecall,
            double meanCitationPrecision,
            double accuracy,
            List<Checked> checks) {}

    public boolean available() {
        return answers.generates();
    }

    public Report run(String collection, List<EvalQuestion> questions) {
        List<Checked> checks = new ArrayList<>();
        for (EvalQuestion q : questions) {
            Answer a = answers.answer(collection, q.question(), List.of(), SearchFilter.NONE);
            checks.add(check(q, a));
        }
        List<Checked> answerable = checks.stream()
                .filter(c -> questions.stream().anyMatch(q -> q.id().equals(c.id()) && q.answerable()))
                .toList();
        return new Report(
                checks.size(),
                answerable.stream()
                        .mapToDouble(Checked::keyTermRecall)
                        .average()
                        .orElse(0),
                answerable.stream()
                        .mapToDouble(Checked::citationPrecision)
                        .average()
                        .orElse(0),
                checks.stream().filter(Checked::correct).count() / (double) Math.max(1, checks.size()),
                List.copyOf(checks));
    }

    static Checked check(EvalQuestion q, Answer a) {
        if (!q.answerable()) {
            return new Checked(q.id(), a.mode(), 0, 0, a.mode() == Answer.Mode.REFUSED);
        }
        Set<String> terms = keyTerms(q.answer());
        String text = a.text().toLowerCase(Locale.ROOT);
        long found = terms.stream()
                .filter(t -> text.contains(t.toLowerCase(Locale.ROOT)))
                .count();
        double recall = terms.isEmpty() ? 1 : (double) found / terms.size();
        List<String> cited =
                a.citations().stream().map(Citation::file).distinct().toList();
        long gold = cited.stream().filter(q.goldFiles()::contains).count();
        double precision = cited.isEmpty() ? 0 : (double) gold / cited.size();
        boolean correct = a.mode() != Answer.Mode.REFUSED && recall >= 0.5 && gold > 0;
        return new Checked(q.id(), a.mode(), recall, precision, correct);
    }

    static Set<String> keyTerms(String reference) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = KEY_TERM.matcher(reference == null ? "" : reference);
        while (m.find()) {
            String t = m.group().replaceAll("^[\"`]|[\"`]$", "").replaceAll("[.,:]+$", "");
            if (!t.isBlank() && !COMMON.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
