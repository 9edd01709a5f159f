package io.ponte.rag.core.ingest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document reduced to its heading structure and cleaned text, every piece of which remembers the lines it came
 * from. Produced by {@link DocumentParser}, consumed by {@link Splitter}.
 *
 * <p>Line numbers are 1-based lines of the original file for Markdown, MDX, reStructuredText and plain text; for HTML
 * they are the source lines of the text nodes (jsoup's position tracking), so markup-only lines are never cited; for
 * PDF they are lines of the text pdfbox extracts from one page, counted from 1 on every page, and the page is the
 * section's heading ({@code "Page 3"}) and {@link Section#page()}.
 *
 * @param file the file as the caller named it
 * @param format how it was read
 * @param sections in document order; the first may have no heading (text before the first heading)
 */
public record ParsedDocument(String file, DocumentFormat format, List<Section> sections) {

    public ParsedDocument {
        sections = List.copyOf(sections);
    }

    /** Words of cleaned text in the whole document. */
    public int words() {
        return sections.stream().mapToInt(Section::words).sum();
    }

    /**
     * The text under one heading, up to the next heading of any level.
     *
     * @param headings the heading path, outermost first; empty for text before the first heading
     * @param headingLine the line of the heading itself, 0 when there is none (or, for PDF, the page has none)
     * @param page the PDF page, 1-based; 0 for formats without pages
     * @param blocks the paragraphs, lists, tables and code blocks, in order; may be empty (a heading directly
     *     followed by a sub-heading)
     */
    public record Section(List<String> headings, int headingLine, int page, List<Block> blocks) {

        public Section {
            headings = List.copyOf(headings);
            blocks = List.copyOf(blocks);
        }

        /** The innermost heading, empty when there is none. */
        public String title() {
            return headings.isEmpty() ? "" : headings.getLast();
        }

        public int words() {
            return blocks.stream().mapToInt(Block::words).sum();
        }
    }

    /** A run of lines that belong together: a paragraph, a list, a table or a code block. */
    public record Block(BlockKind kind, List<Line> lines) {

        public Block {
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("a block has at least one line");
            }
        }

        public int startLine() {
            return lines.getFirst().number();
        }

        public int endLine() {
            return lines.getLast().number();
        }

        /**
         * The cleaned text: a paragraph's lines joined by spaces (none before a line that starts with closing
         * punctuation), other kinds' by newlines.
         */
        public String text() {
            if (kind != BlockKind.PARAGRAPH) {
                return lines.stream().map(Line::text).collect(Collectors.joining(kind.lineSeparator()));
            }
            StringBuilder text = new StringBuilder();
            for (Line line : lines) {
                if (!text.isEmpty() && !gluesToPrevious(line.text())) {
                    text.append(' ');
                }
                text.append(line.text());
            }
            return text.toString();
        }

        public int words() {
            return lines.stream().mapToInt(line -> Words.count(line.text())).sum();
        }

        /** Whether a paragraph line follows the previous one without a space: it starts with closing punctuation. */
        static boolean gluesToPrevious(String line) {
            return !line.isEmpty() && ".,;:!?)".indexOf(line.charAt(0)) >= 0;
        }
    }

    /** One line of cleaned text and the line it came from. */
    public record Line(int number, String text) {}

    /** What a block is, which decides how it is joined and where it may be cut. */
    public enum BlockKind {
        /** Running text: lines are soft-wrapped, cut at sentence ends. */
        PARAGRAPH(" "),
        /** List items, one or more lines each: cut between lines. */
        LIST("\n"),
        /** Table rows, cells separated by {@code " | "}: cut between rows. */
        TABLE("\n"),
        /** Code or a literal block, verbatim: cut between lines. */
        CODE("\n");

        private final String lineSeparator;

        BlockKind(String lineSeparator) {
            this.lineSeparator = lineSeparator;
        }

        String lineSeparator() {
            return lineSeparator;
        }
    }
}
