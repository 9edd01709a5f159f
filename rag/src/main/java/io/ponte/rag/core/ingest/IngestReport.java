package io.ponte.rag.core.ingest;

import java.util.List;

/**
 * What one ingestion run did.
 *
 * @param collection the collection
 * @param root the directory (or file) ingested
 * @param files files seen
 * @param added files indexed for the first time
 * @param updated files whose content changed and were re-embedded
 * @param unchanged files skipped because their content hash matched
 * @param removed files indexed before and gone now
 * @param failed files that could not be read, each with the reason; their earlier passages are kept
 * @param passagesEmbedded passages embedded in this run
 * @param millis how long it took
 */
public record IngestReport(
        String collection,
        String root,
        int files,
        int added,
        int updated,
        int unchanged,
        int removed,
        List<Failure> failed,
        int passagesEmbedded,
        long millis) {

    /** A file that was not ingested, and why. */
    public record Failure(String file, String reason) {}
}
