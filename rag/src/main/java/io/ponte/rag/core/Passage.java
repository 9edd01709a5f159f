package io.ponte.rag.core;

import java.util.List;

/**
 * A piece of a document small enough to embed and to quote, with what a citation needs.
 *
 * @param id stable within a collection: the file and the passage's position in it ({@code docs/a.md#3})
 * @param collection the named collection it belongs to
 * @param file the file's path relative to the ingested root, with forward slashes
 * @param headings the heading path above the passage, outermost first (may be empty)
 * @param startLine first line of the passage in the original file, 1-based
 * @param endLine last line, inclusive
 * @param text the cleaned text that is indexed and quoted
 */
public record Passage(
        String id, String collection, String file, List<String> headings, int startLine, int endLine, String text) {

    public Passage {
        headings = List.copyOf(headings);
    }

    /** The heading path as one string, {@code "Install > Requirements"}; empty when there is none. */
    public String headingPath() {
        return String.join(" > ", headings);
    }
}
