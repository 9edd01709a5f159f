package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.Block;
import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import io.ponte.rag.core.ingest.ParsedDocument.Line;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a block into units no longer than a word limit: a paragraph into sentences, other blocks into lines; a unit
 * still too long is cut between words. Every unit keeps the exact lines its text came from.
 */
final class Segmenter {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"'’”)\\]]*\\s+");
    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "e.g", "i.e", "etc", "vs", "cf", "al", "fig", "no", "nr", "approx", "dr", "mr", "mrs", "ms", "prof", "inc",
            "ltd", "st", "sec", "ch", "vol", "ver", "eq", "resp");

    private Segmenter() {}

    static List<Unit> units(Block block, int index, int maxWords) {
        List<Unit> units = new ArrayList<>();
        if (block.kind() == BlockKind.PARAGRAPH) {
            Joined joined = new Joined(block.lines());
            for (int[] sentence : sentences(joined.text)) {
                cut(joined, sentence[0], sentence[1], index, maxWords, block.kind(), units);
            }
        } else {
            for (Line line : block.lines()) {
                if (!line.text().isBlank()) {
                    Joined joined = new Joined(List.of(line));
                    cut(joined, 0, joined.text.length(), index, maxWords, block.kind(), units);
                }
            }
        }
        return units;
    }

    /** Sentence spans {@code [start, end)} of {@code text}, trimmed. */
    static List<int[]> sentences(String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text);
        int start = 0;
        while (end.find()) {
            int next = end.end();
            if (next >= text.length() || Character.isLowerCase(text.charAt(next)) || abbreviation(text, end.start())) {
                continue;
            }
            addTrimmed(text, start, next, spans);
            start = next;
        }
        addTrimmed(text, start, text.length(), spans);
        return spans;
    }

    private static boolean abbreviation(String text, int dot) {
        if (text.charAt(dot) != '.') {
            return false;
        }
        int from = dot;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        String word = text.substring(from, dot).toLowerCase(java.util.Locale.ROOT);
        return ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isLetter(word.charAt(0));
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> spans) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            spans.add(new int[] {start, end});
        }
    }

    /** Adds {@code [start, end)} as one unit, or as several of at most {@code maxWords} words each. */
    private static void cut(
            Joined joined, int start, int end, int index, int maxWords, BlockKind kind, List<Unit> out) {
        String span = joined.text.substring(start, end);
        int words = Words.count(span);
        if (words <= maxWords) {
            out.add(new Unit(span, joined.lineAt(start), joined.lineAt(end - 1), words, index, kind));
            return;
        }
        int pieces = (words + maxWords - 1) / maxWords;
        int perPiece = (words + pieces - 1) / pieces;
        Matcher word = WORD.matcher(joined.text).region(start, end);
        int count = 0;
        int pieceStart = -1;
        int pieceEnd = -1;
        while (word.find()) {
            if (pieceStart < 0) {
                pieceStart = word.start();
            }
            pieceEnd = word.end();
            if (++count == perPiece) {
                out.add(unit(joined, pieceStart, pieceEnd, count, index, kind));
                count = 0;
                pieceStart = -1;
            }
        }
        if (count > 0) {
            out.add(unit(joined, pieceStart, pieceEnd, count, index, kind));
        }
    }

    private static Unit unit(Joined joined, int start, int end, int words, int index, BlockKind kind) {
        return new Unit(
                joined.text.substring(start, end), joined.lineAt(start), joined.lineAt(end - 1), words, index, kind);
    }

    /** Lines joined by spaces, remembering where each starts. */
    private static final class Joined {

        final String text;
        private final int[] starts;
        private final int[] numbers;

        Joined(List<Line> lines) {
            StringBuilder sb = new StringBuilder();
            starts = new int[lines.size()];
            numbers = new int[lines.size()];
            for (int k = 0; k < lines.size(); k++) {
                if (k > 0 && !Block.gluesToPrevious(lines.get(k).text())) {
                    sb.append(' ');
                }
                starts[k] = sb.length();
                numbers[k] = lines.get(k).number();
                sb.append(lines.get(k).text());
            }
            text = sb.toString();
        }

        int lineAt(int offset) {
            int k = Arrays.binarySearch(starts, offset);
            return numbers[k >= 0 ? k : Math.max(0, -k - 2)];
        }
    }
}
