package io.ponte.rag.core.retrieve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content words of a question and the words of a passage, in one form so that they can be compared: lower
 * case, identifiers whole ({@code slurm-job.vk.io/flags}, {@code cpu-hour}), other words lightly stemmed
 * ({@code mounted}, {@code mounting} → {@code mount}). Function words are not content.
 */
final class Terms {

    /** Letters, digits and the characters that join an identifier's parts. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_\\-./:@+=#~]*");

    private static final Pattern PARTS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String TRAILING = "_-./:@+=#~";
    /** Shorter stems must match exactly: {@code port} is not {@code portal}. */
    private static final int MIN_PREFIX = 5;

    private static final Set<String> STOP = Set.of(
            "a", "an", "the", "and", "or", "nor", "not", "no", "of", "to", "in", "on", "at", "by", "for", "with",
            "from", "into", "onto", "over", "under", "about", "as", "than", "then", "so", "if", "is", "are", "was",
            "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had", "can", "could",
            "should", "would", "will", "shall", "may", "might", "must", "i", "me", "my", "you", "your", "we", "our",
            "us", "they", "them", "their", "it", "its", "this", "that", "these", "those", "there", "here", "what",
            "which", "who", "whom", "whose", "when", "where", "why", "how", "also", "only", "just", "very", "too",
            "any", "some", "all", "each", "every", "both", "either", "other", "another", "same", "more", "most", "such",
            "own", "e.g", "i.e", "etc", "please", "one", "ones");

    private Terms() {}

    /** A content word of a question: as written (for the index to count) and as compared. */
    record Term(String word, String key) {

        boolean identifier() {
            return key.chars().anyMatch(c -> TRAILING.indexOf(c) >= 0);
        }
    }

    /** The content words of a text, each once, in order. */
    static List<Term> of(String text) {
        Map<String, Term> out = new LinkedHashMap<>();
        for (String token : tokens(text)) {
            if (token.length() < 2 || STOP.contains(token)) {
                continue;
            }
            String key = key(token);
            out.putIfAbsent(key, new Term(token, key));
        }
        return List.copyOf(out.values());
    }

    /** The comparable forms in a text: every token whole, and the stem of each of its parts. */
    static Set<String> keys(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String token : tokens(text)) {
            out.add(token);
            for (String part : PARTS.split(token)) {
                if (!part.isEmpty()) {
                    out.add(stem(part));
                }
            }
        }
        return out;
    }

    /**
     * Whether {@code keys} (of a passage) hold the term: an identifier as a whole token, a word by its stem or, for
     * stems of five letters or more, by a stem that begins the other ({@code configur}, {@code configurat}).
     */
    static boolean contains(Set<String> keys, Term term) {
        if (keys.contains(term.key())) {
            return true;
        }
        if (term.identifier() || term.key().length() < MIN_PREFIX) {
            return false;
        }
        for (String key : keys) {
            if (key.length() >= MIN_PREFIX
                    && (key.startsWith(term.key()) || term.key().startsWith(key))) {
                return true;
            }
        }
        return false;
    }

    private static String key(String token) {
        return token.chars().anyMatch(c -> TRAILING.indexOf(c) >= 0) ? token : stem(token);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        var m = TOKEN.matcher(text);
        while (m.find()) {
            String token = m.group();
            int end = token.length();
            while (end > 0 && TRAILING.indexOf(token.charAt(end - 1)) >= 0) {
                end--;
            }
            out.add(token.substring(0, end).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * A light English stemmer: plural and verb endings ({@code -s}, {@code -es}, {@code -ies}, {@code -ed},
     * {@code -ing}), {@code -ation}, a doubled final consonant and a final {@code e}, so that {@code configure},
     * {@code configured}, {@code configuration} and {@code volumes}, {@code volume} meet.
     */
    static String stem(String word) {
        String w = word;
        if (w.length() > 4 && w.endsWith("ies")) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        w = strip(w, "ations", 4);
        w = strip(w, "ation", 4);
        String before = w;
        w = strip(w, "ing", 3);
        w = strip(w, "ed", 3);
        if (!w.equals(before) && w.length() > 3 && doubled(w)) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String strip(String word, String suffix, int minStem) {
        return word.endsWith(suffix) && word.length() - suffix.length() >= minStem
                ? word.substring(0, word.length() - suffix.length())
                : word;
    }

    private static boolean doubled(String w) {
        char last = w.charAt(w.length() - 1);
        return last == w.charAt(w.length() - 2) && "bdgmnprt".indexOf(last) >= 0;
    }
}
