package io.ponte.rag.core.retrieve;

import java.util.List;

/**
 * A question prepared for search.
 *
 * @param original the question as asked
 * @param language {@code "en"} or {@code "it"} (the two the corpus and users speak)
 * @param english the question in English words (itself for English; glossary translation for Italian)
 * @param identifiers tokens that look like identifiers (config keys, annotations, commands, ports): searched as
 *     they are, whatever the language
 * @param names what the question names: acronyms, CamelCase and capitalised words inside a sentence, words with
 *     letters and digits, with their joined parts ({@code CPU-hour}, {@code Grafana}, {@code Geant4}); version
 *     numbers, which documents spell in many ways, are not names
 * @param untranslated lower-case words of an Italian question that the glossary could not place and that are not
 *     names: left in {@code english} as they are, but they may be Italian words rather than the topic's own terms
 */
public record Query(
        String original,
        String language,
        String english,
        List<String> identifiers,
        List<String> names,
        List<String> untranslated) {

    public Query {
        identifiers = List.copyOf(identifiers);
        names = List.copyOf(names);
        untranslated = List.copyOf(untranslated);
    }

    /** An English question: searched as asked. */
    static Query english(String question, List<String> identifiers, List<String> names) {
        return new Query(question, "en", question, identifiers, names, List.of());
    }

    /** Whether the question was put into other words for search. */
    public boolean translated() {
        return !english.equals(original);
    }
}
