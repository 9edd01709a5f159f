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
 */
public record Query(String original, String language, String english, List<String> identifiers) {}
