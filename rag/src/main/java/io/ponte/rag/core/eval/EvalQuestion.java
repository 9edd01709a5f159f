package io.ponte.rag.core.eval;

import java.util.List;

/**
 * One question of an evaluation set.
 *
 * @param id its id
 * @param question the question
 * @param goldFiles the files that answer it (relative to the collection's root); empty when the documentation
 *     does not cover it and the right answer is a refusal
 * @param language {@code en}, {@code it}, ...
 * @param answer the reference answer, for answer checks when a language model is configured
 */
public record EvalQuestion(String id, String question, List<String> goldFiles, String language, String answer) {

    public boolean answerable() {
        return !goldFiles.isEmpty();
    }
}
