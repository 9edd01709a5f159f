package io.ponte.pipelines.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The artifact and log store, addressed by URI: {@code s3://bucket/key} (any S3 endpoint; the
 * embedded default is an S3 API on the local filesystem). Directories are prefixes: {@link
 * #upload(Path, String)} of a directory stores every file under the URI as a prefix.
 */
public interface ObjectStore {

    /** Stores a file, or every file under a directory, at {@code uri}. */
    void upload(Path source, String uri) throws IOException;

    /** Stores bytes at {@code uri}. */
    void put(String uri, byte[] content, String contentType) throws IOException;

    /**
     * Fetches {@code uri} to {@code target}: one object to a file, or every object under the
     * prefix into a directory.
     *
     * @throws java.io.FileNotFoundException when nothing is stored at {@code uri}
     */
    void download(String uri, Path target) throws IOException;

    /** Opens one object, or empty when none exists at {@code uri}. */
    Optional<InputStream> open(String uri) throws IOException;

    /**
     * A content hash (SHA-256, hex) of what is stored at {@code uri}: the object's bytes, or for a
     * prefix the hash over its objects' relative names and hashes. Used in cache keys.
     */
    Optional<String> contentHash(String uri) throws IOException;

    /** The object URIs under a prefix, in key order. */
    List<String> list(String prefixUri) throws IOException;
}
