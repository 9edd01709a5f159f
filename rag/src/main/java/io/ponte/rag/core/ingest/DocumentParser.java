package io.ponte.rag.core.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a documentation file into its headings and cleaned text, by extension: Markdown ({@code md},
 * {@code markdown}), MDX, reStructuredText, plain text, HTML and PDF. Text formats are decoded as UTF-8, leniently
 * (an invalid sequence becomes U+FFFD); a byte-order mark is dropped. Stateless and safe to share between threads.
 */
public final class DocumentParser {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final int BINARY_PROBE = 8192;

    /** Whether {@link #parse} reads files with this name. */
    public static boolean supports(String file) {
        return DocumentFormat.of(file).isPresent();
    }

    /**
     * @param file the file's path as it should appear in citations (relative, forward slashes)
     * @param content its bytes
     * @throws UnsupportedDocumentException the extension is not one of the supported ones
     * @throws CorruptDocumentException the content is not what the extension promises
     */
    public ParsedDocument parse(String file, byte[] content) {
        DocumentFormat format = DocumentFormat.of(file)
                .orElseThrow(() ->
                        new UnsupportedDocumentException(file, "the extension is not one of " + supportedExtensions()));
        return switch (format) {
            case MARKDOWN, MDX -> new MarkdownParser(file, format).parse(lines(file, content));
            case RST -> new RstParser(file).parse(lines(file, content));
            case TEXT -> TextParser.parse(file, lines(file, content));
            case HTML -> HtmlParser.parse(file, content);
            case PDF -> PdfParser.parse(file, content);
        };
    }

    /** The content as lines, decoded leniently as UTF-8; refuses what looks like binary data. */
    static List<String> lines(String file, byte[] content) {
        int probe = Math.min(content.length, BINARY_PROBE);
        for (int i = 0; i < probe; i++) {
            if (content[i] == 0) {
                throw new CorruptDocumentException(file, "binary content (a NUL byte at offset " + i + ")", null);
            }
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return List.of(LINE_BREAK.split(text, -1));
    }

    private static String supportedExtensions() {
        return String.join(
                ", ",
                Arrays.stream(DocumentFormat.values())
                        .flatMap(format -> format.extensions().stream())
                        .toList());
    }
}
