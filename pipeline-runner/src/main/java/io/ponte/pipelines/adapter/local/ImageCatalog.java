package io.ponte.pipelines.adapter.local;

import io.ponte.pipelines.adapter.local.LocalRuntime.ResolvedImage;
import io.ponte.pipelines.spi.ExecutorException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps image references to a local runtime and the image's local form. */
final class ImageCatalog {
    static final String SUBPROCESS = "subprocess";
    static final String BUBBLEWRAP = "bubblewrap";
    static final String PODMAN = "podman";

    private final String defaultRuntime;
    private final Map<String, LocalExecutorConfig.Image> images;

    ImageCatalog(String defaultRuntime, Map<String, LocalExecutorConfig.Image> images) {
        this.defaultRuntime = defaultRuntime;
        this.images = images;
    }

    /** The image's local form, or empty when it has none (used where failing is not wanted). */
    Optional<ResolvedImage> resolveQuietly(String reference) {
        try {
            return Optional.of(resolve(reference));
        } catch (ExecutorException e) {
            return Optional.empty();
        }
    }

    ResolvedImage resolve(String reference) throws ExecutorException {
        LocalExecutorConfig.Image entry = images.get(reference);
        if (entry != null) {
            return new ResolvedImage(
                    reference,
                    entry.runtime(),
                    entry.location(),
                    entry.entrypoint().orElse(List.of()),
                    entry.standIn());
        }
        if (SUBPROCESS.equals(defaultRuntime)) {
            return new ResolvedImage(reference, SUBPROCESS, "host", List.of(), Optional.empty());
        }
        throw new ExecutorException(
                "image '" + reference + "' is not in the local image catalog, and the default runtime '"
                        + defaultRuntime + "' needs a local form of it; add it under"
                        + " ponte.pipelines.executors.local.images",
                false);
    }
}
