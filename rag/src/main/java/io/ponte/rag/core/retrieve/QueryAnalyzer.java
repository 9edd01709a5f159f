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
 * is English-only), and pulls out identifiers and names, which mean the same in every language.
 */
@ApplicationScoped
public class QueryAnalyzer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");
    /** Config keys, annotations, flags, file names, ports, CamelCase names: anything a glossary must not touch. */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?:--?[A-Za-z][\\w-]*)|(?:[A-Za-z0-9]+(?:[._/:-][A-Za-z0-9]+)+)|(?:[A-Z][a-z0-9]+[A-Z]\\w*)"
                    + "|(?:[A-Z0-9]+_[A-Z0-9_]+)|(?:\\b\\d{2,5}\\b)");
    /** Abbreviations that the identifier pattern would take for dotted names. */
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e");
    /** A word with the characters that join compounds and identifiers: {@code CPU-hour}, {@code X.509}. */
    private static final Pattern COMPOUND = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_./-]*[\\p{L}\\p{N}])?");
    /** {@code v2.5}, {@code 1.8.0}, {@code v2}: versions are written in many ways, so their absence proves little. */
    private static final Pattern VERSION = Pattern.compile("(?i)v?\\d+(?:\\.\\d+)*(?:\\.x)?");
    /** Accented vowels at the end of a word are Italian spelling ({@code è}, {@code perché}, {@code più}). */
    private static final Pattern ITALIAN_ACCENT = Pattern.compile("[àèéìòù]$");

    private final Set<String> italianMarkers;
    private final Set<String> englishMarkers;
    private final Glossary glossary;

    public QueryAnalyzer() {
        this(load("lang/it-markers.txt"), load("lang/en-markers.txt"), glossary(load("lang/it-en.tsv")));
    }

    QueryAnalyzer(List<String> italianMarkers, List<String> englishMarkers, Map<String, String> glossary) {
        this.italianMarkers = Set.copyOf(italianMarkers);
        this.englishMarkers = Set.copyOf(englishMarkers);
        this.glossary = new Glossary(glossary);
    }

    public Query analyze(String question) {
        List<String> identifiers = identifiers(question);
        List<String> names = names(question);
        List<String> words = words(question);
        if (!isItalian(words)) {
            return Query.english(question, identifiers, names);
        }
        List<String> untranslated = new ArrayList<>();
        String english = translate(question, identifiers, untranslated);
        return new Query(question, "it", english, identifiers, names, untranslated);
    }

    /**
     * The names in a question: compounds ({@code CPU-hour}, {@code ui-tier1}) are taken whole. In a Title Case
     * question capitals say nothing, so there only acronyms and words with digits count.
     */
    static List<String> names(String question) {
        List<String> tokens = new ArrayList<>();
        List<Boolean> starts = new ArrayList<>();
        Matcher m = COMPOUND.matcher(question);
        int last = 0;
        boolean sentenceStart = true;
        while (m.find()) {
            String between = question.substring(last, m.start());
            sentenceStart |= between.contains(".") || between.contains("?") || between.contains("!");
            tokens.add(m.group());
            starts.add(sentenceStart);
            sentenceStart = false;
            last = m.end();
        }
        long capitalised =
                tokens.stream().filter(t -> Character.isUpperCase(t.charAt(0))).count();
        boolean titleCase = tokens.size() > 3 && capitalised * 10 >= tokens.size() * 6L;
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.length() >= 2 && !VERSION.matcher(t).matches() && isName(t, starts.get(i) || titleCase)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Italian when Italian function words outnumber English ones: at least two of them (one in a question of four
     * words or fewer), accented word endings counting as markers too. English questions often contain a word that
     * is also Italian ({@code in}, {@code come}, {@code a}), rarely two and more of them than English words.
     */
    boolean isItalian(List<String> words) {
        int italian = 0;
        int english = 0;
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (italianMarkers.contains(lower) || ITALIAN_ACCENT.matcher(lower).find()) {
                italian++;
            }
            if (englishMarkers.contains(lower)) {
                english++;
            }
        }
        return italian > english && (italian >= 2 || words.size() <= 4);
    }

    /**
     * Word by word through the glossary, elided articles apart ({@code dell'utente}). Identifiers and names (a
     * capitalised word inside the sentence, an acronym, a word with digits) pass through unchanged, as do words the
     * glossary cannot place (noted in {@code untranslated}): often names too.
     */
    String translate(String question, List<String> identifiers, List<String> untranslated) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(question);
        boolean sentenceStart = true;
        int last = 0;
        while (m.find()) {
            String between = question.substring(last, m.start());
            sentenceStart |= between.contains(".") || between.contains("?") || between.contains("!");
            last = m.end();
            String word = m.group().replace('’', '\'');
            int apostrophe = word.indexOf('\'');
            if (apostrophe > 0 && apostrophe < word.length() - 1) {
                append(
                        out,
                        glossary.english(word.substring(0, apostrophe + 1).toLowerCase(Locale.ROOT))
                                .orElse(""));
                word = word.substring(apostrophe + 1);
            }
            append(out, isName(word, sentenceStart) ? word : english(word, untranslated));
            sentenceStart = false;
        }
        for (String id : identifiers) {
            if (out.indexOf(id) < 0) {
                out.append(' ').append(id);
            }
        }
        return out.toString();
    }

    /** {@code Frascati} inside a sentence, {@code CNAF}, {@code Geant4}: names are the same in every language. */
    static boolean isName(String word, boolean sentenceStart) {
        boolean digits = word.chars().anyMatch(Character::isDigit);
        boolean letters = word.chars().anyMatch(Character::isLetter);
        long upper = word.chars().filter(Character::isUpperCase).count();
        boolean capitalised = Character.isUpperCase(word.charAt(0));
        return (digits && letters) || upper >= 2 || (capitalised && !sentenceStart);
    }

    /** The glossary's English for a word; the word itself, noted in {@code untranslated}, when it has none. */
    private String english(String word, List<String> untranslated) {
        String lower = word.toLowerCase(Locale.ROOT);
        return glossary.english(lower).orElseGet(() -> {
            untranslated.add(lower);
            return word;
        });
    }

    private static void append(StringBuilder out, String words) {
        if (!words.isEmpty()) {
            out.append(out.isEmpty() ? "" : " ").append(words);
        }
    }

    static List<String> identifiers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            if (!ABBREVIATIONS.contains(m.group().toLowerCase(Locale.ROOT))) {
                out.add(m.group());
            }
        }
        return List.copyOf(out);
    }

    static List<String> words(String text) {
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

    static List<String> load(String resource) {
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
