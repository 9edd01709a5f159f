package io.ponte.rag.adapter.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a user's words into a BM25 query: each field's analyzer makes terms from the text, and every term is an
 * optional clause weighted by its field. Nothing in the text is query syntax, so no input can fail to parse.
 */
final class KeywordQuery {

    /** Keeps a pasted page from exceeding Lucene's 1,024-clause limit over the four fields. */
    private static final int MAX_TERMS_PER_FIELD = 128;

    private final Analyzer analyzer;
    private final KeywordWeights weights;

    KeywordQuery(Analyzer analyzer, KeywordWeights weights) {
        this.analyzer = analyzer;
        this.weights = weights;
    }

    /** Empty when the text has no searchable term (blank, punctuation, stop words only). */
    Optional<Query> of(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        BooleanQuery.Builder fields = new BooleanQuery.Builder();
        boolean any = addField(fields, PassageFields.IDENT, weights.ident(), text);
        any |= addField(fields, PassageFields.TEXT_EN, weights.english(), text);
        any |= addField(fields, PassageFields.TEXT_IT, weights.italian(), text);
        any |= addField(fields, PassageFields.PATH, weights.path(), text);
        return any ? Optional.of(fields.build()) : Optional.empty();
    }

    /**
     * Passages that contain {@code word}: as an identifier, whole, or in its English-stemmed form, as a phrase when
     * the analysis splits it ({@code cpu-hour} is the phrase {@code cpu hour}). Empty for a stop word.
     */
    Optional<Query> containing(String word) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean found = false;
        for (String field : List.of(PassageFields.IDENT, PassageFields.TEXT_EN)) {
            Optional<Query> q = phrase(field, word);
            if (q.isPresent()) {
                any.add(q.get(), Occur.SHOULD);
                found = true;
            }
        }
        return found ? Optional.of(any.build()) : Optional.empty();
    }

    /** The word's tokens in {@code field}, one per position (the first: an identifier before its parts). */
    private Optional<Query> phrase(String field, String word) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        Term single = null;
        int count = 0;
        try (TokenStream stream = analyzer.tokenStream(field, word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() == 0) {
                    continue;
                }
                position += increment.getPositionIncrement();
                single = new Term(field, term.toString());
                phrase.add(single, position);
                count++;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(count == 1 ? new TermQuery(single) : phrase.build());
    }

    private boolean addField(BooleanQuery.Builder fields, String field, float weight, String text) {
        if (weight == 0) {
            return false;
        }
        Set<String> terms = terms(field, text);
        if (terms.isEmpty()) {
            return false;
        }
        BooleanQuery.Builder anyTerm = new BooleanQuery.Builder();
        for (String term : terms) {
            anyTerm.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
        }
        fields.add(new BoostQuery(anyTerm.build(), weight), Occur.SHOULD);
        return true;
    }

    private Set<String> terms(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (terms.size() < MAX_TERMS_PER_FIELD && stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }
}
