package io.ponte.rag.core.retrieve;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares a question for search: tells Italian from English, puts Italian questions into English words with a
 * bilingual glossary of general and computing vocabulary (the documents are mostly English and the embedding model
 * is English-only), and pulls out identifiers, which mean the same in every language.
 */
@ApplicationScoped
public class QueryAnalyzer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");
    /** Config keys, annotations, flags, file names, ports, CamelCase names: anything a glossary must not touch. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?:--?[A-Za-z][\\w-]*)|(?:[A-Za-z0-9]+(?:[._/:-][A-Za-z0-9]+)+)|(?:[A-Z][a-z0-9]+[A-Z]\\w*)"
                    + "|(?:[A-Z0-9]+_[A-Z0-9_]+)|(?:\\b\\d{2,5}\\b)");

    private final Set<String> italianMarkers;
    private final Map<String, String> glossary;

    public QueryAnalyzer() {
        this(load("lang/it-markers.txt"), glossary(load("lang/it-en.tsv")));
    }

    QueryAnalyzer(List<String> italianMarkers, Map<String, String> glossary) {
        this.italianMarkers = Set.copyOf(italianMarkers);
        this.glossary = Map.copyOf(glossary);
    }

    public Query analyze(String question) {
        List<String> identifiers = identifiers(question);
        List<String> words = words(question);
        long italian = words.stream()
                .filter(w -> italianMarkers.contains(w.toLowerCase(Locale.ROOT)))
                .count();
        boolean isItalian = italian >= 2 || (italian >= 1 && words.size() <= 4);
        if (!isItalian) {
            return new Query(question, "en", question, identifiers);
        }
        return new Query(question, "it", translate(question, identifiers), identifiers);
    }

    /** Word by word through the glossary; identifiers and unknown words (often names) pass through unchanged. */
    String translate(String question, List<String> identifiers) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(question);
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT).replace('’', '\'');
            String english = lookup(lower);
            if (english == null) {
                english = word;
            }
            if (!english.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(english);
            }
        }
        for (String id : identifiers) {
            if (out.indexOf(id) < 0) {
                out.append(' ').append(id);
            }
        }
        return out.toString();
    }

    /** The glossary entry of a word, or of the word without an elided article (l'account, dell'utente). */
    private String lookup(String lower) {
        String hit = glossary.get(lower);
        if (hit == null) {
            int apostrophe = lower.indexOf('\'');
            if (apostrophe > 0 && apostrophe < lower.length() - 1) {
                String head = glossary.getOrDefault(lower.substring(0, apostrophe + 1), "");
                String tail = glossary.getOrDefault(lower.substring(apostrophe + 1), lower.substring(apostrophe + 1));
                hit = (head + " " + tail).trim();
            }
        }
        return hit;
    }

    static List<String> identifiers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return List.copyOf(out);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, String> glossary(List<String> lines) {
        Map<String, String> out = new HashMap<>();
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                out.put(line.substring(0, tab).trim(), line.substring(tab + 1).trim());
            }
        }
        return out;
    }

    private static List<String> load(String resource) {
        try (InputStream in = QueryAnalyzer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
