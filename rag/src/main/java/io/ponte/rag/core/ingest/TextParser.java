package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Plain text: paragraphs separated by blank lines, runs of spaces (column alignment) collapsed. The first line becomes the only heading when it looks like a title:
 * short (at most {@value #TITLE_WORDS} words, {@value #TITLE_CHARS} characters) and not ending like a sentence.
 */
final class TextParser {

    static final int TITLE_WORDS = 8;
    static final int TITLE_CHARS = 80;
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    private TextParser() {}

    static ParsedDocument parse(String file, List<String> lines) {
        DocumentBuilder doc = new DocumentBuilder(
                file, DocumentFormat.TEXT, text -> SPACES.matcher(text).replaceAll(" "));
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first < lines.size() && looksLikeTitle(lines.get(first).strip())) {
            doc.heading(1, lines.get(first), first + 1);
            first++;
        }
        for (int k = first; k < lines.size(); k++) {
            doc.line(BlockKind.PARAGRAPH, k + 1, lines.get(k));
        }
        return doc.build();
    }

    static boolean looksLikeTitle(String line) {
        if (line.isEmpty() || line.length() > TITLE_CHARS || Words.count(line) > TITLE_WORDS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return ".,;:!?".indexOf(last) < 0;
    }
}
