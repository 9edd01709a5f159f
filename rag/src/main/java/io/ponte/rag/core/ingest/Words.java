package io.ponte.rag.core.ingest;

/** Counts words the way budgets are set: runs of non-whitespace. */
final class Words {

    private Words() {}

    static int count(CharSequence text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
