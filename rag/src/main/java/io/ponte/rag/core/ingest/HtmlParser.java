package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * HTML through jsoup: headings {@code h1}..{@code h6}; page chrome ({@code nav}, {@code header} and {@code footer}
 * outside {@code article}/{@code main}, {@code aside}, scripts, styles, forms) goes. Line numbers are approximate:
 * each piece of text gets the source line where jsoup found it (position tracking), so a block's range runs from
 * the line of its first text to the line of its last, markup-only lines aside; text the parser did not read from
 * the source (none in practice) would get the line of its element.
 */
final class HtmlParser {

    private static final String CHROME = "script, style, noscript, template, svg, form, aside, nav, [role=navigation], "
            + "[aria-hidden=true], header:not(article header, main header), footer:not(article footer, main footer)";
    /** Elements that end a line of text; those other than line breaks and list items also end a block. */
    private static final Set<String> BREAKS = Set.of(
            ("p div section article main blockquote ul ol li dl dt dd table br hr figure figcaption details summary"
                            + " body")
                    .split(" "));

    private HtmlParser() {}

    static ParsedDocument parse(String file, byte[] content) {
        Document html;
        try {
            html = Jsoup.parse(
                    new ByteArrayInputStream(content),
                    null,
                    "",
                    Parser.htmlParser().setTrackPosition(true));
        } catch (IOException | RuntimeException e) {
            throw new CorruptDocumentException(file, "not readable as HTML (" + e.getMessage() + ")", e);
        }
        html.select(CHROME).remove();
        Walker walker = new Walker(new DocumentBuilder(file, DocumentFormat.HTML));
        Element title = html.selectFirst("head > title");
        if (title != null) {
            walker.doc.title(
                    title.text(), Math.max(1, title.sourceRange().start().lineNumber()));
        }
        html.body().filter(walker);
        walker.flush();
        return walker.doc.build();
    }

    /** Walks the body, turning text nodes into lines by their source line and elements into blocks. */
    private static final class Walker implements NodeFilter {

        private final DocumentBuilder doc;
        private final StringBuilder pending = new StringBuilder();
        private int pendingLine;
        private BlockKind kind = BlockKind.PARAGRAPH;

        Walker(DocumentBuilder doc) {
            this.doc = doc;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                text(text);
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            String tag = element.normalName();
            if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                endBlock();
                doc.heading(tag.charAt(1) - '0', element.text(), line(element));
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("pre")) {
                endBlock();
                code(element);
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("img")) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("tr")) {
                flush();
                row(element);
                return FilterResult.SKIP_ENTIRELY;
            }
            if (BREAKS.contains(tag)) {
                flush();
                if (tag.equals("li") || tag.equals("dt") || tag.equals("dd")) {
                    kind = BlockKind.LIST;
                } else if (!tag.equals("br") && !tag.equals("ul") && !tag.equals("ol") && !tag.equals("dl")) {
                    endBlock();
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && BREAKS.contains(element.normalName())) {
                flush();
                String tag = element.normalName();
                if (tag.equals("ul")
                        || tag.equals("ol")
                        || tag.equals("dl")
                        || !tag.equals("li") && !tag.equals("dt") && !tag.equals("dd") && !tag.equals("br")) {
                    endBlock();
                }
            }
            return FilterResult.CONTINUE;
        }

        private void text(TextNode node) {
            String whole = node.getWholeText();
            int line = line(node);
            int start = 0;
            for (int k = 0; k <= whole.length(); k++) {
                if (k == whole.length() || whole.charAt(k) == '\n') {
                    append(whole.substring(start, k), line);
                    if (k < whole.length()) {
                        line++;
                    }
                    start = k + 1;
                }
            }
        }

        /** Text of one source line; when the source line changes, the text so far becomes a line of its own. */
        private void append(String piece, int line) {
            if (piece.isBlank()) {
                if (!piece.isEmpty() && !pending.isEmpty()) {
                    pending.append(' ');
                }
                return;
            }
            if (!pending.isEmpty() && line != pendingLine) {
                flush();
            }
            if (pending.isEmpty()) {
                pendingLine = line;
            }
            pending.append(piece);
        }

        void flush() {
            String text = pending.toString().replaceAll("\\s+", " ").strip();
            if (!text.isEmpty()) {
                doc.line(kind, pendingLine, text);
            }
            pending.setLength(0);
        }

        private void endBlock() {
            flush();
            doc.endBlock();
            kind = BlockKind.PARAGRAPH;
        }

        private void code(Element pre) {
            int first = line(firstText(pre));
            String[] lines = pre.wholeText().split("\n", -1);
            for (int k = 0; k < lines.length; k++) {
                doc.line(BlockKind.CODE, first + k, lines[k]);
            }
            doc.endBlock();
        }

        private void row(Element tr) {
            StringBuilder row = new StringBuilder();
            for (Element cell : tr.children()) {
                String text = cell.text().strip();
                if (!text.isEmpty()) {
                    row.append(row.isEmpty() ? "" : " | ").append(text);
                }
            }
            doc.line(BlockKind.TABLE, line(tr), row.toString());
        }

        private static Node firstText(Element element) {
            for (TextNode text : element.selectXpath("descendant::text()", TextNode.class)) {
                return text;
            }
            return element;
        }

        /** The source line of a node, or of its nearest ancestor whose position is known. */
        private static int line(Node node) {
            for (Node n = node; n != null; n = n.parent()) {
                if (n.sourceRange().isTracked()) {
                    return Math.max(1, n.sourceRange().start().lineNumber());
                }
            }
            return 1;
        }
    }
}
