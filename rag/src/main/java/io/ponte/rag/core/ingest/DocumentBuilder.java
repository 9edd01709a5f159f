package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.Block;
import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import io.ponte.rag.core.ingest.ParsedDocument.Line;
import io.ponte.rag.core.ingest.ParsedDocument.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Collects headings and lines as a format parser meets them and keeps the heading stack: a heading closes every
 * open heading of the same or a deeper level. Lines of one kind in a row form a block; a blank line or a change of
 * kind starts the next. Inline markup of paragraphs and lists is cleaned a block at a time, so that a link or
 * emphasis wrapped over two lines is recognised; the cleaner keeps every newline, so every line keeps its number.
 */
final class DocumentBuilder {

    private record Heading(int level, String text) {}

    private final String file;
    private final DocumentFormat format;
    private final UnaryOperator<String> inline;
    private final List<Section> sections = new ArrayList<>();
    private final List<Heading> stack = new ArrayList<>();
    private List<String> path = List.of();
    private int headingLine;
    private int page;
    private List<Block> blocks = new ArrayList<>();
    private BlockKind openKind;
    private List<Line> openLines = new ArrayList<>();
    private boolean sawLevelOne;
    private String title;
    private int titleLine;

    DocumentBuilder(String file, DocumentFormat format) {
        this(file, format, UnaryOperator.identity());
    }

    /** @param inline cleans the inline markup of a paragraph's or list's lines joined by newlines, keeping them */
    DocumentBuilder(String file, DocumentFormat format, UnaryOperator<String> inline) {
        this.file = file;
        this.format = format;
        this.inline = inline;
    }

    /** Starts a section under a heading of {@code level} (1 = outermost); a blank heading is ignored. */
    void heading(int level, String text, int line) {
        String clean = text.strip();
        if (clean.isEmpty()) {
            return;
        }
        closeSection();
        while (!stack.isEmpty() && stack.getLast().level() >= level) {
            stack.removeLast();
        }
        stack.add(new Heading(level, clean));
        sawLevelOne |= level == 1;
        path = stack.stream().map(Heading::text).toList();
        headingLine = line;
    }

    /** Starts a PDF page: a section of its own, headed {@code "Page n"}. */
    void page(int number) {
        closeSection();
        stack.clear();
        page = number;
        path = List.of("Page " + number);
        headingLine = 0;
    }

    /** A title from metadata (front matter): becomes the outermost heading when the text has no level-1 heading. */
    void title(String text, int line) {
        if (!text.isBlank()) {
            title = text.strip();
            titleLine = line;
        }
    }

    /**
     * Adds a line, its inline markup still in when it belongs to a paragraph or list (cleaned when the block ends);
     * a blank line ends the open block, except inside code.
     */
    void line(BlockKind kind, int number, String text) {
        if (kind == BlockKind.CODE && text.isBlank()) {
            if (openKind == BlockKind.CODE) {
                openLines.add(new Line(number, ""));
            }
            return;
        }
        if (text.isBlank()) {
            endBlock();
            return;
        }
        if (openKind != kind) {
            endBlock();
            openKind = kind;
        }
        openLines.add(new Line(number, kind == BlockKind.CODE ? text.stripTrailing() : text.strip()));
    }

    /** Ends the open block, if any. */
    void endBlock() {
        while (!openLines.isEmpty() && openLines.getLast().text().isBlank()) {
            openLines.removeLast();
        }
        if (!openLines.isEmpty()) {
            List<Line> lines = switch (openKind) {
                case CODE -> dedent(openLines);
                case PARAGRAPH, LIST -> clean(openLines);
                case TABLE -> openLines;
            };
            if (!lines.isEmpty()) {
                blocks.add(new Block(openKind, lines));
            }
        }
        openLines = new ArrayList<>();
        openKind = null;
    }

    /** The lines of the open block when it is a paragraph, removed from the document (a setext heading's text). */
    List<Line> takeParagraph() {
        if (openKind != BlockKind.PARAGRAPH) {
            return List.of();
        }
        List<Line> lines = openLines;
        openLines = new ArrayList<>();
        openKind = null;
        return lines;
    }

    /** The kind of the block being collected, null between blocks. */
    BlockKind openKind() {
        return openKind;
    }

    /** The kind of the block last collected or being collected in this section, null when none. */
    BlockKind lastKind() {
        if (openKind != null) {
            return openKind;
        }
        return blocks.isEmpty() ? null : blocks.getLast().kind();
    }

    ParsedDocument build() {
        closeSection();
        List<Section> result = sections;
        if (title != null && !sawLevelOne) {
            result = sections.stream().map(this::underTitle).toList();
        }
        return new ParsedDocument(file, format, result);
    }

    private Section underTitle(Section section) {
        List<String> headings = new ArrayList<>(section.headings().size() + 1);
        headings.add(title);
        headings.addAll(section.headings());
        int line = section.headings().isEmpty() ? titleLine : section.headingLine();
        return new Section(headings, line, section.page(), section.blocks());
    }

    private void closeSection() {
        endBlock();
        if (!blocks.isEmpty() || !path.isEmpty()) {
            sections.add(new Section(path, headingLine, page, blocks));
        }
        blocks = new ArrayList<>();
    }

    private List<Line> clean(List<Line> lines) {
        StringBuilder joined = new StringBuilder();
        for (Line line : lines) {
            joined.append(joined.isEmpty() ? "" : "\n").append(line.text());
        }
        String[] cleaned = inline.apply(joined.toString()).split("\n", -1);
        List<Line> result = new ArrayList<>(lines.size());
        for (int k = 0; k < lines.size(); k++) {
            String text = cleaned.length == lines.size()
                    ? cleaned[k]
                    : inline.apply(lines.get(k).text()).replace('\n', ' ');
            if (!text.isBlank()) {
                result.add(new Line(lines.get(k).number(), text.strip()));
            }
        }
        return result;
    }

    private static List<Line> dedent(List<Line> lines) {
        int indent = Integer.MAX_VALUE;
        for (Line line : lines) {
            if (!line.text().isBlank()) {
                indent = Math.min(indent, leadingSpaces(line.text()));
            }
        }
        if (indent == 0 || indent == Integer.MAX_VALUE) {
            return lines;
        }
        int cut = indent;
        return lines.stream()
                .map(line -> new Line(line.number(), line.text().substring(Math.min(cut, leadingSpaces(line.text())))))
                .toList();
    }

    private static int leadingSpaces(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
