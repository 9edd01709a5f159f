package io.ponte.rag.adapter.lucene;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/** How identifiers, flags, paths and camelCase words become terms: the whole word first, then its parts. */
final class IdentifierParts {

    /** Characters that may sit inside an identifier token: {@code slurm-job.vk.io/flags}, {@code a_b}, {@code --x}. */
    private static final String JOINERS = "_-./:@+=#~";

    private static final String LEADING_JUNK = ".:/=@+#~";
    private static final String TRAILING_JUNK = ".:/=@+#~-";
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CASE_CHANGE =
            Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|(?<=\\p{N})(?=\\p{Lu})");
    private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private IdentifierParts() {}

    static boolean isIdentifierChar(int c) {
        return Character.isLetterOrDigit(c) || JOINERS.indexOf(c) >= 0;
    }

    /**
     * {@code InterLinkConfig.yaml} gives {@code interlinkconfig.yaml, interlinkconfig, inter, link, config, yaml};
     * sentence punctuation around a token is dropped, leading dashes of flags are kept; a lone stop word gives
     * nothing.
     */
    static List<String> identifierTerms(String token) {
        String trimmed = trim(token);
        if (trimmed.chars().noneMatch(Character::isLetterOrDigit)) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        terms.add(lower(trimmed));
        for (String segment : NOT_ALPHANUMERIC.split(trimmed)) {
            terms.addAll(camelTerms(segment));
        }
        if (terms.size() == 1 && STOP_WORDS.contains(terms.iterator().next())) {
            return List.of();
        }
        return List.copyOf(terms);
    }

    /** {@code getLogs} gives {@code getlogs, get, logs}; a word without case changes gives itself, lower-cased. */
    static List<String> camelTerms(String word) {
        if (word.isEmpty()) {
            return List.of();
        }
        String[] parts = CASE_CHANGE.split(word);
        List<String> terms = new ArrayList<>(parts.length + 1);
        terms.add(lower(word));
        if (parts.length > 1) {
            for (String part : parts) {
                terms.add(lower(part));
            }
        }
        return terms;
    }

    private static String trim(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && LEADING_JUNK.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRAILING_JUNK.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
