package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.ObjectStore;
import java.io.IOException;
import java.util.Optional;

/** Content hashes of stored artifacts, absent when the store cannot tell. */
final class ContentHashes {

    private ContentHashes() {}

    static Optional<String> of(ObjectStore store, String uri) {
        try {
            return store.contentHash(uri);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
