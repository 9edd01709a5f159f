package io.ponte.rag.core.retrieve;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Italian words in English: a bilingual word list looked up by the word as written, then by the dictionary forms
 * its inflection points to ({@code aggiungo}, {@code aggiunti} → {@code aggiungere}; {@code chiavi} →
 * {@code chiave}), then by the regular cognate endings the two languages share ({@code -zione} → {@code -tion},
 * {@code -ità} → {@code -ity}). The list needs only dictionary forms; the rules carry them to the forms questions use.
 */
final class Glossary {

    /** Verb and noun endings, longest first: what is left is a stem to complete with {@link #DICTIONARY_ENDINGS}. */
    private static final List<String> INFLECTIONS = List.of(
            "eranno", "iranno", "eremo", "iremo", "erebbe", "irebbe", "avano", "evano", "ivano", "iamo", "arlo", "arla",
            "arli", "arle", "arne", "arsi", "erlo", "erla", "erli", "erne", "ersi", "irlo", "irla", "irli", "irne",
            "irsi", "ando", "endo", "erà", "irà", "erò", "irò", "ava", "eva", "iva", "ato", "ata", "ati", "ate", "uto",
            "uta", "uti", "ute", "ito", "ita", "iti", "ite", "ete", "ano", "ono", "are", "ere", "ire", "o", "a", "e",
            "i");

    /** How dictionary forms end: infinitives, then masculine and feminine singular. */
    private static final List<String> DICTIONARY_ENDINGS = List.of("are", "ere", "ire", "o", "e", "a", "io");

    /** Regular Italian → English endings of learned words, applied when the list has no entry. */
    private static final List<Map.Entry<String, String>> COGNATES = List.of(
            Map.entry("zioni", "tions"),
            Map.entry("zione", "tion"),
            Map.entry("sioni", "sions"),
            Map.entry("sione", "sion"),
            Map.entry("ività", "ivity"),
            Map.entry("ità", "ity"),
            Map.entry("abile", "able"),
            Map.entry("abili", "able"),
            Map.entry("ibile", "ible"),
            Map.entry("ibili", "ible"),
            Map.entry("ismo", "ism"),
            Map.entry("ista", "ist"),
            Map.entry("ico", "ic"),
            Map.entry("ica", "ic"),
            Map.entry("ici", "ic"),
            Map.entry("iche", "ic"),
            Map.entry("ale", "al"),
            Map.entry("ali", "al"),
            Map.entry("ivo", "ive"),
            Map.entry("iva", "ive"),
            Map.entry("ivi", "ive"),
            Map.entry("ive", "ive"),
            Map.entry("oso", "ous"),
            Map.entry("osa", "ous"));

    /** Shorter words are left alone by the inflection and cognate rules: too many would collide. */
    private static final int MIN_RULE_LENGTH = 5;

    private final Map<String, String> entries;

    Glossary(Map<String, String> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The English for a lower-case Italian word; empty when nothing applies (a name, a foreign word). */
    Optional<String> english(String word) {
        String hit = entries.get(word);
        if (hit != null) {
            return Optional.of(hit);
        }
        if (word.length() < MIN_RULE_LENGTH) {
            return Optional.empty();
        }
        return dictionaryForm(word).or(() -> cognate(word));
    }

    private Optional<String> dictionaryForm(String word) {
        for (String inflection : INFLECTIONS) {
            if (!word.endsWith(inflection) || word.length() - inflection.length() < 3) {
                continue;
            }
            String stem = word.substring(0, word.length() - inflection.length());
            for (String candidateStem : stems(stem)) {
                for (String ending : DICTIONARY_ENDINGS) {
                    String hit = entries.get(candidateStem + ending);
                    if (hit != null && !hit.isEmpty()) {
                        return Optional.of(hit);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** {@code blocch} (of {@code blocchi}) is also {@code blocc}, the stem of {@code blocco}. */
    private static List<String> stems(String stem) {
        if (stem.endsWith("ch") || stem.endsWith("gh")) {
            return List.of(stem, stem.substring(0, stem.length() - 1));
        }
        return List.of(stem);
    }

    private static Optional<String> cognate(String word) {
        for (Map.Entry<String, String> rule : COGNATES) {
            if (word.endsWith(rule.getKey()) && word.length() - rule.getKey().length() >= 3) {
                return Optional.of(
                        word.substring(0, word.length() - rule.getKey().length()) + rule.getValue());
            }
        }
        return Optional.empty();
    }
}
