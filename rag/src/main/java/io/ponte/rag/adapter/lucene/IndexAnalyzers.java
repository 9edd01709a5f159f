package io.ponte.rag.adapter.lucene;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.util.CharTokenizer;

/** The analyzers of the keyword fields; changing one changes the index schema ({@link IndexStamp#SCHEMA}). */
final class IndexAnalyzers {

    private IndexAnalyzers() {}

    /** One analyzer per analysed field; string fields are not analysed. */
    static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(
                new KeywordAnalyzer(),
                Map.of(
                        PassageFields.TEXT_EN,
                        new EnglishAnalyzer(),
                        PassageFields.TEXT_IT,
                        new ItalianAnalyzer(),
                        PassageFields.IDENT,
                        identifiers(),
                        PassageFields.PATH,
                        paths()));
    }

    /**
     * Splits on white space and punctuation other than {@code _-./:@+=#~}, so {@code slurm-job.vk.io/flags},
     * {@code TELEMETRY_ENDPOINT} and {@code --partition} stay whole; each is also indexed by its parts.
     */
    static Analyzer identifiers() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(IdentifierParts::isIdentifierChar);
                return new TokenStreamComponents(
                        tokenizer, new ExpandingFilter(tokenizer, IdentifierParts::identifierTerms));
            }
        };
    }

    /** Splits a file path on everything but letters and digits, and camelCase words into their parts too. */
    static Analyzer paths() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
                return new TokenStreamComponents(
                        tokenizer, new ExpandingFilter(tokenizer, IdentifierParts::camelTerms));
            }
        };
    }
}
