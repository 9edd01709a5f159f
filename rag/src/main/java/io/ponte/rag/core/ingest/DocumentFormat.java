package io.ponte.rag.core.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The document types ingestion reads, recognised by file extension. */
public enum DocumentFormat {
    MARKDOWN("md", "markdown"),
    MDX("mdx"),
    RST("rst"),
    TEXT("txt"),
    HTML("html", "htm"),
    PDF("pdf");

    private final List<String> extensions;

    DocumentFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** The format of {@code file} by its extension (case-insensitive), empty when ingestion does not read it. */
    public static Optional<DocumentFormat> of(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        int dot = file.lastIndexOf('.');
        if (dot <= slash + 1) {
            return Optional.empty();
        }
        String extension = file.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (DocumentFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The extensions, lower case and without the dot. */
    public List<String> extensions() {
        return extensions;
    }
}
