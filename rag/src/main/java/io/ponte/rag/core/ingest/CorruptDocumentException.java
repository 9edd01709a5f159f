package io.ponte.rag.core.ingest;

/** A file of a supported type whose content cannot be read: a PDF that does not open, binary data in a text file. */
public final class CorruptDocumentException extends IngestException {

    public CorruptDocumentException(String file, String reason, Throwable cause) {
        super(file, file + ": cannot read, " + reason, cause);
    }
}
