package io.ponte.offload.adapter.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The image catalog's configuration.
 *
 * @param entries the site's images, most specific match first (an exact tag beats {@code name:*});
 *     among equally specific matches the earlier entry wins
 * @param standIns whether the built-in stand-ins of {@code scripts/rootfs.sh} are appended (see
 *     {@link StandInImages})
 * @param imagesDir where {@code scripts/rootfs.sh} builds them ({@code PONTE_IMAGES_DIR}, default
 *     {@code ~/.cache/ponte/images})
 * @param uriPrefix for apptainer/singularity: an image no entry names is run as this prefix + the
 *     reference (e.g. {@code docker://}) instead of failing; empty to fail
 * @param podmanPassThrough for podman: an image no entry names is run by its own reference (it
 *     must already be in the local store; nothing is pulled) instead of failing
 */
public record ImageCatalogConfig(
        List<ImageEntry> entries,
        boolean standIns,
        Path imagesDir,
        Optional<String> uriPrefix,
        boolean podmanPassThrough) {

    public ImageCatalogConfig {
        entries = List.copyOf(entries);
        Objects.requireNonNull(imagesDir);
        Objects.requireNonNull(uriPrefix);
    }

    /** The stand-ins only, under {@code PONTE_IMAGES_DIR} or {@code ~/.cache/ponte/images}. */
    public static ImageCatalogConfig defaults() {
        return new ImageCatalogConfig(List.of(), true, defaultImagesDir(), Optional.empty(), false);
    }

    /** {@code $PONTE_IMAGES_DIR}, else {@code ~/.cache/ponte/images} (as scripts/rootfs.sh). */
    public static Path defaultImagesDir() {
        String env = System.getenv("PONTE_IMAGES_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ponte", "images");
    }
}
