package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import io.ponte.rag.core.ingest.ParsedDocument.Line;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Markdown as GitHub, Docusaurus (MDX) and Hugo write it. Headings are ATX ({@code #}..{@code ######}) and setext
 * ({@code ===}, {@code ---} under a paragraph); fenced code is kept verbatim and never read for headings. Front
 * matter goes (its {@code title} becomes the outermost heading when there is no level-1 heading), and so do MDX
 * {@code import}/{@code export} statements, tags and comments (see {@link MarkupStripper}), Docusaurus admonition
 * fences (their title stays), link reference definitions, thematic breaks, lines made only of badges, and
 * navigation lines: lines outside a paragraph made of nothing but links to anchors (a table of contents) or links
 * named next, previous, home and the like.
 */
final class MarkdownParser {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern HEADING_ID = Pattern.compile("\\s*\\{#[^}]*}\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern THEMATIC = Pattern.compile("^ {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})(.*)$");
    private static final Pattern LIST_ITEM =
            Pattern.compile("^\\s*(?:([-*+])|(\\d{1,9}[.)]))(?:[ \\t]+(?:\\[[ xX]][ \\t]+)?(.*))?$");
    private static final Pattern TABLE_DELIMITER =
            Pattern.compile("^\\s*\\|?(?:\\s*:?-+:?\\s*\\|)+\\s*(?::?-+:?\\s*)?$");
    private static final Pattern TABLE_CELL_SPLIT = Pattern.compile("(?<!\\\\)\\|");
    private static final Pattern QUOTE = Pattern.compile("^(?: {0,3}>[ \\t]?)+");
    private static final Pattern ADMONITION = Pattern.compile("^\\s*:{3,}\\s*(?:[\\w-]+)?\\s*(?:\\[(.*)])?\\s*(.*)$");
    private static final Pattern LINK_DEFINITION = Pattern.compile("^ {0,3}\\[([^\\]]+)]:\\s*(.*)$");
    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:type\\s+)?(?:[\\w$]+\\s*,?\\s*)?(?:\\{|\\*|['\"]|[\\w$]+\\s+from\\s)");
    private static final Pattern IMPORT_END = Pattern.compile("['\"][^'\"]*['\"];?\\s*$");
    private static final Pattern EXPORT =
            Pattern.compile("^export\\s+(?:default|const|let|var|function|class|async)\\b|^export\\s*\\{");
    private static final Pattern FRONT_TITLE = Pattern.compile("^title\\s*[:=]\\s*(.*?)\\s*$");
    private static final Pattern NAV_LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)]*)\\)");
    private static final Pattern NAV_WORDS = Pattern.compile(
            "(?i)^\\W*(?:next|previous|prev|back|home|top|up|index|contents|table of contents|toc)\\b|[←→«»⟵⟶]");
    private static final Pattern NAV_REST = Pattern.compile("[\\s\\d.|·•/←→«»⟵⟶&;:,*_\\[\\]–—-]*");
    private static final int STATEMENT_LINES = 200;

    private final DocumentBuilder doc;
    private final MarkupStripper markup = new MarkupStripper();
    private final boolean indentedCode;
    private List<String> lines;
    private int i;
    private boolean previousBlank = true;

    MarkdownParser(String file, DocumentFormat format) {
        this.doc = new DocumentBuilder(file, format, MarkdownInline::clean);
        // MDX has no indented code blocks; JSX nesting indents prose.
        this.indentedCode = format == DocumentFormat.MARKDOWN;
    }

    ParsedDocument parse(List<String> source) {
        this.lines = source;
        i = frontMatter();
        while (i < lines.size()) {
            String raw = lines.get(i);
            if (!markup.open()) {
                Matcher fence = FENCE.matcher(raw);
                if (fence.matches()
                        && !(fence.group(2).charAt(0) == '`' && fence.group(3).indexOf('`') >= 0)) {
                    fencedCode(fence.group(1).length(), fence.group(2));
                    continue;
                }
                if (skipStatement(raw)) {
                    continue;
                }
            }
            previousBlank = line(i + 1, markup.strip(raw), raw.isBlank());
            i++;
        }
        return doc.build();
    }

    /** Handles one line outside code; returns whether indented code may follow it. */
    private boolean line(int number, String text, boolean rawBlank) {
        if (text.isBlank()) {
            doc.endBlock();
            return rawBlank;
        }
        if (heading(number, text)) {
            return true;
        }
        if (TABLE_DELIMITER.matcher(text).matches() && doc.openKind() == BlockKind.TABLE) {
            return false;
        }
        if (THEMATIC.matcher(text).matches()
                || SETEXT.matcher(text).matches()
                || TABLE_DELIMITER.matcher(text).matches()) {
            doc.endBlock();
            return true;
        }
        Matcher quote = QUOTE.matcher(text);
        String content = quote.lookingAt() ? text.substring(quote.end()) : text;
        if (indentedCode
                && indent(content) >= 4
                && (doc.openKind() == BlockKind.CODE || previousBlank && doc.lastKind() != BlockKind.LIST)) {
            doc.line(BlockKind.CODE, number, content);
            return false;
        }
        if (doc.openKind() == BlockKind.CODE) {
            doc.endBlock();
        }
        return content(number, content);
    }

    /** An ATX heading, or the underline that makes the open paragraph a setext heading. */
    private boolean heading(int number, String text) {
        Matcher atx = ATX.matcher(text);
        if (atx.matches()) {
            doc.heading(atx.group(1).length(), headingText(atx.group(2)), number);
            return true;
        }
        Matcher setext = SETEXT.matcher(text);
        if (setext.matches() && doc.openKind() == BlockKind.PARAGRAPH) {
            List<Line> title = doc.takeParagraph();
            String heading = MarkdownInline.clean(title.stream().map(Line::text).collect(Collectors.joining(" ")));
            doc.heading(
                    setext.group(1).charAt(0) == '=' ? 1 : 2,
                    heading,
                    title.getFirst().number());
            return true;
        }
        return false;
    }

    /** A line of text, list, table, admonition, or one of the lines that are dropped; returns false. */
    private boolean content(int number, String text) {
        Matcher admonition = ADMONITION.matcher(text);
        if (admonition.matches()) {
            doc.endBlock();
            doc.line(
                    BlockKind.PARAGRAPH,
                    number,
                    admonition.group(1) != null ? admonition.group(1) : admonition.group(2));
            doc.endBlock();
            return false;
        }
        Matcher definition = LINK_DEFINITION.matcher(text);
        if (definition.matches()) {
            if (definition.group(1).startsWith("^")) {
                doc.line(BlockKind.PARAGRAPH, number, definition.group(2));
            }
            return false;
        }
        if (doc.openKind() != BlockKind.PARAGRAPH && isNavigation(text)) {
            return false;
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("|")) {
            doc.line(BlockKind.TABLE, number, tableRow(trimmed));
            return false;
        }
        Matcher item = LIST_ITEM.matcher(text);
        if (item.matches()) {
            String body = item.group(3) == null ? "" : item.group(3);
            String marker = item.group(2) == null || body.isBlank() ? "" : item.group(2) + " ";
            doc.line(BlockKind.LIST, number, marker + body);
            return false;
        }
        boolean continuesList = doc.openKind() == BlockKind.LIST
                || (doc.lastKind() == BlockKind.LIST && previousBlank && indent(text) >= 2);
        doc.line(continuesList ? BlockKind.LIST : BlockKind.PARAGRAPH, number, text);
        return false;
    }

    private void fencedCode(int indent, String fence) {
        doc.endBlock();
        i++;
        while (i < lines.size()) {
            String raw = lines.get(i);
            String stripped = raw.strip();
            if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == fence.charAt(0))) {
                i++;
                break;
            }
            if (indent > 0 && !raw.isBlank() && indent(raw) < indent) {
                break; // the list item or JSX element holding an unclosed fence has ended
            }
            doc.line(BlockKind.CODE, i + 1, raw.substring(Math.min(indent, leadingWhitespace(raw))));
            i++;
        }
        doc.endBlock();
        previousBlank = true;
    }

    /** Skips an MDX import or export statement, over several lines if need be. */
    private boolean skipStatement(String raw) {
        if (IMPORT.matcher(raw).lookingAt()) {
            int end = i;
            while (end < lines.size()
                    && end - i < STATEMENT_LINES
                    && !IMPORT_END.matcher(lines.get(end)).find()) {
                end++;
            }
            i = end < lines.size() && end - i < STATEMENT_LINES ? end + 1 : i + 1;
            doc.endBlock();
            return true;
        }
        if (EXPORT.matcher(raw).lookingAt()) {
            int depth = 0;
            int end = i;
            do {
                depth += balance(lines.get(end));
                end++;
            } while (depth > 0 && end < lines.size() && end - i < STATEMENT_LINES);
            i = end;
            doc.endBlock();
            return true;
        }
        return false;
    }

    /** Skips YAML ({@code ---}) or TOML ({@code +++}) front matter, remembering its title; returns the next line. */
    private int frontMatter() {
        if (lines.isEmpty()) {
            return 0;
        }
        String open = lines.getFirst().strip();
        if (!open.equals("---") && !open.equals("+++")) {
            return 0;
        }
        for (int end = 1; end < lines.size(); end++) {
            String line = lines.get(end).strip();
            if (line.equals(open) || (open.equals("---") && line.equals("..."))) {
                for (int j = 1; j < end; j++) {
                    Matcher title = FRONT_TITLE.matcher(lines.get(j));
                    if (title.matches()) {
                        doc.title(unquote(title.group(1)), j + 1);
                    }
                }
                return end + 1;
            }
        }
        return 0;
    }

    private static String headingText(String raw) {
        if (raw == null) {
            return "";
        }
        return MarkdownInline.clean(HEADING_ID.matcher(raw).replaceFirst(""));
    }

    private static String tableRow(String row) {
        String inner = row.substring(1);
        if (inner.endsWith("|") && !inner.endsWith("\\|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        StringBuilder out = new StringBuilder();
        for (String cell : TABLE_CELL_SPLIT.split(inner, -1)) {
            String clean = MarkdownInline.clean(cell).strip();
            if (!clean.isEmpty()) {
                out.append(out.isEmpty() ? "" : " | ").append(clean);
            }
        }
        return out.toString();
    }

    /** A line of nothing but navigation links (to anchors, or named next, previous, home...) and separators. */
    static boolean isNavigation(String text) {
        if (text.indexOf("](") < 0) {
            return false;
        }
        Matcher link = NAV_LINK.matcher(text);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        boolean any = false;
        while (link.find()) {
            String name = link.group(1);
            String target = link.group(2).strip();
            if (!target.startsWith("#") && !NAV_WORDS.matcher(name).find()) {
                return false;
            }
            rest.append(text, last, link.start());
            last = link.end();
            any = true;
        }
        rest.append(text, last, text.length());
        return any && NAV_REST.matcher(rest).matches();
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static int balance(String line) {
        int depth = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
        }
        return depth;
    }

    private static int leadingWhitespace(String text) {
        int n = 0;
        while (n < text.length() && (text.charAt(n) == ' ' || text.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    /** Columns of indentation, a tab counting four. */
    private static int indent(String text) {
        int n = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == ' ') {
                n++;
            } else if (c == '\t') {
                n += 4;
            } else {
                break;
            }
        }
        return n;
    }
}
