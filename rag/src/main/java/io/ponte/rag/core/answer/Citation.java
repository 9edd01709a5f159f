package io.ponte.rag.core.answer;

/**
 * A source an answer cites.
 *
 * @param number the number the answer uses for it ({@code [2]})
 * @param file the file, relative to the collection's root
 * @param heading the heading path of the passage
 * @param startLine first line of the passage
 * @param endLine last line of the passage
 * @param snippet the cited words, short
 */
public record Citation(int number, String file, String heading, int startLine, int endLine, String snippet) {}
