package io.ponte.rag.core.ingest;

/** A file whose type ingestion does not read (judged by its extension). */
public final class UnsupportedDocumentException extends IngestException {

    public UnsupportedDocumentException(String file, String reason) {
        super(file, file + ": unsupported document, " + reason, null);
    }
}
