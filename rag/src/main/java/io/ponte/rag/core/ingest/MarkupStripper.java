package io.ponte.rag.core.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes HTML and JSX from Markdown one line at a time, keeping what lies between tags: comments
 * ({@code <!-- -->}, MDX {@code {/* *}{@code /}}), tags of known HTML elements and of JSX components (a capitalised
 * name), across lines when their attributes span several ({@code sources={{ ... }}} included). Images and the
 * content of {@code script} and {@code style} go entirely. Code spans are left alone, and so is anything in angle
 * brackets that is neither, such as the placeholders {@code <namespace>} or {@code <TOKEN>}; autolinks keep their
 * address.
 */
final class MarkupStripper {

    private static final Set<String> HTML_TAGS = Set.of(
            ("a abbr article aside audio b big blockquote br caption center code col colgroup dd del details div "
                            + "dl dt em embed figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i iframe img ins kbd li "
                            + "main nav ol p picture pre samp section small span strike strong style script sub summary sup svg "
                            + "table tbody td tfoot th thead tr tt u ul video wbr")
                    .split(" "));
    private static final Set<String> DROP_CONTENT = Set.of("script", "style");
    private static final Pattern AUTOLINK =
            Pattern.compile("<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\\s<>]*|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)>");
    private static final Pattern TAG_START = Pattern.compile("</?([A-Za-z][\\w.:-]*)");

    private boolean inComment;
    private boolean inMdxComment;
    private boolean inTag;
    private int braces;
    private char quote;
    private String pendingDrop;
    private String dropping;

    /** Whether a comment, tag or dropped element opened on an earlier line is still open. */
    boolean open() {
        return inComment || inMdxComment || inTag || dropping != null;
    }

    String strip(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        int n = line.length();
        while (i < n) {
            if (inComment) {
                i = skipPast(line, i, "-->", false);
            } else if (inMdxComment) {
                i = skipPast(line, i, "*/}", true);
            } else if (inTag) {
                i = scanTag(line, i);
            } else if (dropping != null) {
                int end = line.toLowerCase(Locale.ROOT).indexOf("</" + dropping, i);
                if (end < 0) {
                    return out.toString();
                }
                dropping = null;
                i = end;
            } else {
                i = plain(line, i, out);
            }
        }
        return out.toString();
    }

    private int plain(String line, int i, StringBuilder out) {
        char c = line.charAt(i);
        if (c == '`') {
            int run = run(line, i, '`');
            int close = closingRun(line, i + run, run);
            int end = close < 0 ? i + run : close + run;
            out.append(line, i, end);
            return end;
        }
        if (c == '{' && line.startsWith("{/*", i)) {
            inMdxComment = true;
            return i + 3;
        }
        if (c != '<') {
            out.append(c);
            return i + 1;
        }
        if (line.startsWith("<!--", i)) {
            inComment = true;
            return i + 4;
        }
        if (line.startsWith("<>", i) || line.startsWith("</>", i)) {
            return i + (line.charAt(i + 1) == '>' ? 2 : 3);
        }
        Matcher autolink = AUTOLINK.matcher(line).region(i, line.length());
        if (autolink.lookingAt()) {
            out.append(autolink.group(1));
            return autolink.end();
        }
        Matcher tag = TAG_START.matcher(line).region(i, line.length());
        if (tag.lookingAt() && isElement(tag.group(1))) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            boolean closing = line.charAt(i + 1) == '/';
            if (!closing && DROP_CONTENT.contains(name)) {
                pendingDrop = name;
            }
            out.append(' ');
            inTag = true;
            braces = 0;
            quote = 0;
            return scanTag(line, tag.end());
        }
        out.append(c);
        return i + 1;
    }

    /** Scans attributes up to the {@code >} that closes the tag, outside quotes and JSX braces. */
    private int scanTag(String line, int i) {
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = braces == 0 ? c : 0;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces = Math.max(0, braces - 1);
            } else if (c == '>' && braces == 0) {
                inTag = false;
                if (pendingDrop != null && (i == 0 || line.charAt(i - 1) != '/')) {
                    dropping = pendingDrop;
                }
                pendingDrop = null;
                return i + 1;
            }
        }
        return i;
    }

    private int skipPast(String line, int i, String end, boolean mdx) {
        int at = line.indexOf(end, i);
        if (at < 0) {
            return line.length();
        }
        if (mdx) {
            inMdxComment = false;
        } else {
            inComment = false;
        }
        return at + end.length();
    }

    /** A known HTML element, or a JSX component: capitalised with a lower-case letter ({@code <TOKEN>} is prose). */
    private static boolean isElement(String name) {
        if (Character.isUpperCase(name.charAt(0))) {
            return name.chars().anyMatch(Character::isLowerCase);
        }
        return HTML_TAGS.contains(name.toLowerCase(Locale.ROOT));
    }

    private static int run(String line, int i, char c) {
        int j = i;
        while (j < line.length() && line.charAt(j) == c) {
            j++;
        }
        return j - i;
    }

    private static int closingRun(String line, int from, int length) {
        int i = line.indexOf('`', from);
        while (i >= 0) {
            int run = run(line, i, '`');
            if (run == length) {
                return i;
            }
            i = line.indexOf('`', i + run);
        }
        return -1;
    }
}
