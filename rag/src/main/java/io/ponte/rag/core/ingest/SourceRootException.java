package io.ponte.rag.core.ingest;

/** A root directory to ingest that does not exist, is not a directory, or cannot be listed. */
public final class SourceRootException extends IngestException {

    public SourceRootException(String root, String reason, Throwable cause) {
        super(root, root + ": cannot ingest from here, " + reason, cause);
    }
}
