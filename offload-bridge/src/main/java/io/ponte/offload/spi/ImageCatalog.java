package io.ponte.offload.spi;

import java.util.Optional;

/**
 * Maps the image references pods ask for to what exists on this site. An image that is not
 * available fails the pod at once with a message that says so, instead of a job that fails later.
 */
public interface ImageCatalog {

    /**
     * The local form of {@code reference} for the named runtime, or empty when this site has none.
     */
    Optional<ResolvedImage> resolve(String reference, String runtime);
}
