package io.ponte.rag.core.ingest;

import io.ponte.rag.core.ingest.ParsedDocument.BlockKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * reStructuredText. Section titles are recognised by their adornment (an underline, or an over- and underline, of
 * one punctuation character); as in docutils, levels follow the order in which adornment styles first appear. Code
 * directives and literal blocks ({@code ::}) keep their content verbatim; images, table-of-contents, includes, raw
 * content, comments, link targets and substitution definitions go; other directives (admonitions, figures) keep
 * their text without their options. Inline markup is reduced to its text (see {@link #inline}).
 */
final class RstParser {

    private static final Pattern ADORNMENT = Pattern.compile("^([!-/:-@\\[-`{-~])\\1{2,}\\s*$");
    private static final Pattern DIRECTIVE = Pattern.compile("^(\\s*)\\.\\.\\s+([\\w:.+-]+)::(?:\\s+(.*))?$");
    private static final Pattern SUBSTITUTION = Pattern.compile("^(\\s*)\\.\\.\\s+\\|[^|]+\\|.*$");
    private static final Pattern TARGET = Pattern.compile("^(\\s*)\\.\\.\\s+_.*$|^(\\s*)__\\s.*$");
    private static final Pattern FOOTNOTE = Pattern.compile("^(\\s*)\\.\\.\\s+\\[[^\\]]+]\\s*(.*)$");
    private static final Pattern COMMENT = Pattern.compile("^(\\s*)\\.\\.(?:\\s.*)?$");
    private static final Pattern OPTION = Pattern.compile("^\\s+:[\\w-]+:(?:\\s.*)?$");
    private static final Pattern GRID_BORDER = Pattern.compile("^\\s*\\+[-=+:]+\\+\\s*$");
    private static final Pattern SIMPLE_TABLE_BORDER = Pattern.compile("^\\s*=+(?:\\s+=+)+\\s*$");
    private static final Pattern GRID_ROW = Pattern.compile("^\\s*\\|.*\\|\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+•]\\s+(.*)$");
    private static final Pattern ENUMERATED = Pattern.compile("^\\s*((?:\\d+|#|[a-zA-Z]|[ivxlcIVXLC]+)[.)])\\s+(.*)$");
    private static final Pattern FIELD = Pattern.compile("^\\s*:([^:`]+):(?:\\s+(.*))?$");
    private static final Pattern LINE_BLOCK = Pattern.compile("^\\s*\\|\\s+(.*)$");
    private static final Set<String> CODE_DIRECTIVES = Set.of("code-block", "code", "sourcecode", "parsed-literal");
    private static final Set<String> DROPPED_DIRECTIVES = Set.of(
            "image",
            "toctree",
            "contents",
            "include",
            "literalinclude",
            "raw",
            "meta",
            "index",
            "highlight",
            "sectnum",
            "role",
            "default-role",
            "target-notes",
            "class",
            "title",
            "only",
            "tabularcolumns");

    private static final Pattern LITERAL = Pattern.compile("``(.+?)``");
    private static final Pattern ROLE = Pattern.compile(":[\\w:+.-]+:`([^`]*)`");
    private static final Pattern EXPLICIT_TARGET = Pattern.compile("^\\s*[~!]?(.*?)\\s*<[^<>]*>\\s*$", Pattern.DOTALL);
    private static final Pattern REFERENCE = Pattern.compile("`([^`]+)`__?");
    private static final Pattern INTERPRETED = Pattern.compile("`([^`]+)`");
    private static final Pattern STRONG = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\w*])");
    private static final Pattern SUBSTITUTION_REF = Pattern.compile("\\|([^|\\s][^|]*)\\|_{0,2}");
    private static final Pattern FOOTNOTE_REF = Pattern.compile("\\s?\\[(?:#[\\w-]*|\\*|\\d+|[\\w-]+)]_");
    private static final Pattern NAMED_REFERENCE = Pattern.compile("(?<=\\w)__?(?=[\\s.,;:!?)]|$)");
    private static final Pattern ESCAPE = Pattern.compile("\\\\(.)");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    private final DocumentBuilder doc;
    private final List<String> styles = new ArrayList<>();
    private List<String> lines;
    private int i;

    RstParser(String file) {
        this.doc = new DocumentBuilder(file, DocumentFormat.RST, RstParser::inline);
    }

    ParsedDocument parse(List<String> source) {
        this.lines = source;
        boolean literalNext = false;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                doc.endBlock();
                i++;
                continue;
            }
            if (literalNext && indent(line) > 0) {
                i = indentedBlock(i, -1, true);
                literalNext = false;
                continue;
            }
            literalNext = false;
            if (title() || explicitMarkup() || table()) {
                continue;
            }
            literalNext = text(line);
            i++;
        }
        return doc.build();
    }

    /** A section title with an underline, or an over- and underline; consumes it. */
    private boolean title() {
        String line = lines.get(i);
        String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
        Matcher over = ADORNMENT.matcher(line);
        if (over.matches() && i + 2 < lines.size() && !next.isBlank()) {
            Matcher under = ADORNMENT.matcher(lines.get(i + 2));
            if (under.matches() && under.group(1).equals(over.group(1))) {
                section(over.group(1) + "/", next.strip(), i + 2);
                i += 3;
                return true;
            }
        }
        if (over.matches() && (i == 0 || lines.get(i - 1).isBlank()) && next.isBlank()) {
            doc.endBlock(); // a transition
            i++;
            return true;
        }
        Matcher under = ADORNMENT.matcher(next);
        boolean startsSection = i == 0 || lines.get(i - 1).isBlank() || doc.openKind() == null;
        if (under.matches() && indent(line) == 0 && startsSection && !over.matches()) {
            int length = next.strip().length();
            if (length >= line.strip().length() || length >= 4) {
                section(under.group(1), line.strip(), i + 1);
                i += 2;
                return true;
            }
        }
        return false;
    }

    private void section(String style, String text, int line) {
        int level = styles.indexOf(style);
        if (level < 0) {
            styles.add(style);
            level = styles.size() - 1;
        }
        doc.heading(level + 1, inline(text), line);
    }

    /** Directives, comments, targets, substitution definitions and footnotes: the lines starting with "..". */
    private boolean explicitMarkup() {
        String line = lines.get(i);
        if (!line.stripLeading().startsWith("..") && !line.stripLeading().startsWith("__ ")) {
            return false;
        }
        int indent = indent(line);
        Matcher directive = DIRECTIVE.matcher(line);
        if (directive.matches()) {
            String name = directive.group(2).toLowerCase(Locale.ROOT);
            String argument = directive.group(3) == null ? "" : directive.group(3);
            doc.endBlock();
            if (CODE_DIRECTIVES.contains(name)) {
                i = indentedBlock(skipOptions(i + 1), indent, true);
            } else if (DROPPED_DIRECTIVES.contains(name)) {
                i = indentedBlock(i + 1, indent, false);
            } else {
                if (!name.equals("figure") && !argument.isBlank()) {
                    doc.line(BlockKind.PARAGRAPH, i + 1, argument);
                    doc.endBlock();
                }
                i = skipOptions(i + 1);
            }
            return true;
        }
        Matcher footnote = FOOTNOTE.matcher(line);
        if (footnote.matches()) {
            doc.line(BlockKind.PARAGRAPH, i + 1, footnote.group(2));
            i++;
            return true;
        }
        if (SUBSTITUTION.matcher(line).matches()
                || TARGET.matcher(line).matches()
                || COMMENT.matcher(line).matches()) {
            doc.endBlock();
            i = indentedBlock(i + 1, indent, false);
            return true;
        }
        return false;
    }

    private boolean table() {
        String line = lines.get(i);
        if (GRID_BORDER.matcher(line).matches()
                || SIMPLE_TABLE_BORDER.matcher(line).matches()) {
            i++;
            return true;
        }
        if (GRID_ROW.matcher(line).matches()) {
            String inner = line.strip();
            StringBuilder row = new StringBuilder();
            for (String cell : inner.substring(1, inner.length() - 1).split("\\|")) {
                String clean = inline(cell);
                if (!clean.isEmpty()) {
                    row.append(row.isEmpty() ? "" : " | ").append(clean);
                }
            }
            doc.line(BlockKind.TABLE, i + 1, row.toString());
            i++;
            return true;
        }
        return false;
    }

    /** A line of body text; returns whether it announces a literal block ({@code ::}). */
    private boolean text(String line) {
        String content = line.strip();
        BlockKind kind = doc.openKind() == BlockKind.LIST && indent(line) > 0 ? BlockKind.LIST : BlockKind.PARAGRAPH;
        Matcher bullet = BULLET.matcher(line);
        Matcher enumerated = ENUMERATED.matcher(line);
        Matcher field = FIELD.matcher(line);
        Matcher lineBlock = LINE_BLOCK.matcher(line);
        if (bullet.matches()) {
            kind = BlockKind.LIST;
            content = bullet.group(1);
        } else if (enumerated.matches()) {
            kind = BlockKind.LIST;
            content = enumerated.group(1) + " " + enumerated.group(2);
        } else if (field.matches()) {
            kind = BlockKind.LIST;
            content = field.group(1) + ": " + (field.group(2) == null ? "" : field.group(2));
        } else if (lineBlock.matches()) {
            content = lineBlock.group(1);
        }
        content = content.strip();
        boolean literal = content.endsWith("::");
        doc.line(kind, i + 1, literal ? withoutLiteralMarker(content) : content);
        return literal;
    }

    /** {@code "Example::"} → {@code "Example:"}; {@code "Example ::"} and {@code "::"} lose the marker. */
    private static String withoutLiteralMarker(String content) {
        if (content.equals("::")) {
            return "";
        }
        return content.substring(0, content.length() - (content.endsWith(" ::") ? 3 : 1));
    }

    private int skipOptions(int from) {
        int j = from;
        while (j < lines.size() && OPTION.matcher(lines.get(j)).matches()) {
            j++;
        }
        return j;
    }

    /**
     * The block of lines from {@code from} indented deeper than {@code parentIndent} (any indentation when it is
     * negative), blank lines included; kept as code or dropped. Returns the first line after it.
     */
    private int indentedBlock(int from, int parentIndent, boolean keep) {
        int j = from;
        int minIndent = parentIndent < 0 ? 1 : parentIndent + 1;
        while (j < lines.size()) {
            String line = lines.get(j);
            if (!line.isBlank() && indent(line) < minIndent) {
                break;
            }
            if (keep) {
                doc.line(BlockKind.CODE, j + 1, line);
            }
            j++;
        }
        doc.endBlock();
        return j;
    }

    /**
     * Inline markup reduced to its text: roles, references, literals, emphasis, substitutions, escapes. The text may
     * be several lines joined by newlines; every newline is kept.
     */
    static String inline(String text) {
        if (text.isBlank()) {
            return "";
        }
        List<String> literals = new ArrayList<>();
        Matcher literal = LITERAL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (literal.find()) {
            literal.appendReplacement(out, "");
            out.append(OPEN).append(literals.size()).append(CLOSE);
            literals.add(literal.group(1));
        }
        literal.appendTail(out);
        String s = out.toString();
        s = ROLE.matcher(s)
                .replaceAll(m ->
                        Matcher.quoteReplacement(MarkdownInline.keepingNewlines(m.group(), targetText(m.group(1)))));
        s = REFERENCE
                .matcher(s)
                .replaceAll(m ->
                        Matcher.quoteReplacement(MarkdownInline.keepingNewlines(m.group(), targetText(m.group(1)))));
        s = INTERPRETED.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = STRONG.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = EMPHASIS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = SUBSTITUTION_REF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = FOOTNOTE_REF.matcher(s).replaceAll("");
        s = NAMED_REFERENCE.matcher(s).replaceAll("");
        s = ESCAPE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = SPACES.matcher(s.indexOf('\n') < 0 ? s.strip() : s).replaceAll(" ");
        if (literals.isEmpty()) {
            return s;
        }
        return PLACEHOLDER
                .matcher(s)
                .replaceAll(m -> Matcher.quoteReplacement(literals.get(Integer.parseInt(m.group(1)))));
    }

    /** {@code text <target>} → text; {@code ~a.b.c} → a.b.c. */
    private static String targetText(String content) {
        Matcher m = EXPLICIT_TARGET.matcher(content);
        String text = m.matches() && !m.group(1).isEmpty() ? m.group(1) : content;
        return text.startsWith("~") || text.startsWith("!") ? text.substring(1) : text;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }
}
