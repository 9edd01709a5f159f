package io.ponte.rag.core.answer;

import java.util.function.Consumer;

/**
 * Passes streamed text on, except while it could still turn out to be the refusal word: the client then gets the
 * refusal message, never a half-streamed {@code NOT_IN_DOCS}.
 */
final class HoldBack implements Consumer<String> {

    private final String word;
    private final Consumer<String> downstream;
    private final StringBuilder held = new StringBuilder();
    private boolean open;

    HoldBack(String word, Consumer<String> downstream) {
        this.word = word;
        this.downstream = downstream;
    }

    @Override
    public void accept(String piece) {
        if (open) {
            downstream.accept(piece);
            return;
        }
        held.append(piece);
        String start = held.toString().stripLeading();
        if (start.length() >= word.length() ? !start.startsWith(word) : !word.startsWith(start)) {
            open = true;
            downstream.accept(held.toString());
            held.setLength(0);
        }
    }

    /** Releases what is held back once the reply turned out not to be a refusal. */
    void flush() {
        if (!open && !held.isEmpty()) {
            downstream.accept(held.toString());
            held.setLength(0);
        }
        open = true;
    }
}
