package io.ponte.rag.core.eval;

import java.util.List;

/**
 * How one question fared in one mode.
 *
 * @param id the question's id
 * @param language its language
 * @param goldFiles the files that answer it
 * @param ranking the distinct files retrieved, best first (first ten)
 * @param refused whether the evidence was judged too weak
 * @param coverage the number that decision was made on
 */
public record QuestionResult(
        String id, String language, List<String> goldFiles, List<String> ranking, boolean refused, double coverage) {}
