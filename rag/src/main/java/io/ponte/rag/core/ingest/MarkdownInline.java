package io.ponte.rag.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Cleans Markdown text (tags already gone, see {@link MarkupStripper}): code spans keep their content and lose their
 * backticks, links keep their text, images go with their address and alt text, emphasis markers, footnote
 * references, Hugo shortcodes and backslash escapes go, HTML entities are decoded. The text may be several lines of a
 * block joined by newlines: a construct wrapped over lines is recognised, and every newline is kept.
 */
final class MarkdownInline {

    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)(?<!`)\\1(?!`)");
    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{[<%].*?[%>]}}");
    private static final Pattern IMAGE =
            Pattern.compile("!\\[[^\\]]*]\\((?:[^()]|\\([^()]*\\))*\\)|!\\[[^\\]]*]\\[[^\\]]*]");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\((?:[^()]|\\([^()]*\\))*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)]\\[[^\\]]*]");
    private static final Pattern FOOTNOTE_REF = Pattern.compile("\\[\\^[^\\]]+]");
    private static final Pattern STRONG = Pattern.compile(
            "(?<![\\w*])\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*(?![\\w*])" + "|(?<![\\w_])__(?=\\S)(.+?)(?<=\\S)__(?![\\w_])");
    private static final Pattern EMPHASIS =
            Pattern.compile("(?<![\\w*\\\\])\\*(?=[^\\s*])(.+?)(?<=[^\\s*\\\\])\\*(?![\\w*])"
                    + "|(?<![\\w_\\\\])_(?=[^\\s_])(.+?)(?<=[^\\s_\\\\])_(?![\\w_])");
    /** Strong emphasis opened on one line and closed on another: a {@code **} at the edge of a word. */
    private static final Pattern STRAY_STRONG =
            Pattern.compile("(?:^|(?<=\\s))\\*\\*(?=[^\\s*])|(?<=[^\\s*])\\*\\*(?=\\s|$|\\p{Punct})");

    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>~])");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]{2,}");
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern PLACEHOLDER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

    private MarkdownInline() {}

    static String clean(String line) {
        if (line.isBlank()) {
            return "";
        }
        List<String> code = new ArrayList<>();
        String text = protectCode(line, code);
        if (text.indexOf('{') >= 0) {
            text = replace(SHORTCODE, text, 0);
        }
        if (text.indexOf('[') >= 0) {
            text = replace(IMAGE, text, 0);
            text = replace(LINK, text, 1);
            text = replace(LINK, text, 1);
            text = replace(REFERENCE_LINK, text, 1);
            text = replace(FOOTNOTE_REF, text, 0);
        }
        if (text.indexOf('*') >= 0 || text.indexOf('_') >= 0) {
            text = unwrap(STRONG, text);
            text = unwrap(EMPHASIS, text);
            if (text.contains("**")) {
                text = STRAY_STRONG.matcher(text).replaceAll("");
            }
        }
        if (text.contains("~~")) {
            text = unwrap(STRIKE, text);
        }
        if (text.indexOf('\\') >= 0) {
            text = ESCAPE.matcher(text).replaceAll("$1");
        }
        if (text.indexOf('&') >= 0) {
            text = Parser.unescapeEntities(text, false);
        }
        text = SPACES.matcher(text.indexOf('\n') < 0 ? text.strip() : text).replaceAll(" ");
        return code.isEmpty() ? text : restoreCode(text, code);
    }

    /** Replaces each match with {@code group} (0: nothing), adding back the newlines the match swallowed. */
    private static String replace(Pattern pattern, String text, int group) {
        return pattern.matcher(text)
                .replaceAll(
                        m -> Matcher.quoteReplacement(keepingNewlines(m.group(), group == 0 ? "" : m.group(group))));
    }

    /** {@code replacement}, followed by the newlines of {@code matched} it lacks, so that no line is lost. */
    static String keepingNewlines(String matched, String replacement) {
        int lost = newlines(matched) - newlines(replacement);
        return lost > 0 ? replacement + "\n".repeat(lost) : replacement;
    }

    private static int newlines(String s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String protectCode(String line, List<String> code) {
        if (line.indexOf('`') < 0) {
            return line;
        }
        Matcher m = CODE_SPAN.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        while (m.find()) {
            String content = m.group(2);
            if (content.length() > 1 && content.startsWith(" ") && content.endsWith(" ")) {
                content = content.substring(1, content.length() - 1);
            }
            m.appendReplacement(out, "");
            out.append(OPEN).append(code.size()).append(CLOSE);
            code.add(content);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String restoreCode(String text, List<String> code) {
        return PLACEHOLDER
                .matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(code.get(Integer.parseInt(m.group(1)))));
    }

    private static String unwrap(Pattern pattern, String text) {
        String previous;
        do {
            previous = text;
            text = pattern.matcher(text)
                    .replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
        } while (!text.equals(previous));
        return text;
    }
}
