package io.ponte.rag.core.ingest;

/**
 * Everything ingestion refuses. None of it is retriable: the same bytes fail the same way, so the caller records
 * the file as skipped (with {@link #getMessage()}, which names the file and the reason) and goes on with the others.
 */
public abstract sealed class IngestException extends RuntimeException
        permits UnsupportedDocumentException, CorruptDocumentException, SourceRootException {

    private final String file;

    IngestException(String file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The file (or root directory) at fault, as the caller named it. */
    public String file() {
        return file;
    }

    /** Whether trying again unchanged can help: never, for ingestion. */
    public boolean retriable() {
        return false;
    }
}
