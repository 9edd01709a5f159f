package io.ponte.offload.adapter.image;

import io.ponte.offload.spi.ImageCatalog;
import io.ponte.offload.spi.ResolvedImage;
import io.ponte.offload.spi.ResolvedImage.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ImageCatalog} from configuration: entries matched by reference pattern, then the form
 * the runtime needs. A rootfs or SIF that is configured but absent on disk counts as not available,
 * so the pod fails at once with a message instead of a job failing later.
 *
 * <p>Runtimes: {@code subprocess} never needs an image (the entry's ENTRYPOINT/CMD/ENV still apply
 * when one matches); {@code bubblewrap} a rootfs; {@code podman} a tag; {@code apptainer} and {@code
 * singularity} a SIF, a URI or a rootfs (sandbox directory), else the configured URI prefix.
 */
public final class ConfiguredImageCatalog implements ImageCatalog {
    private final List<ImageEntry> entries;
    private final ImageCatalogConfig config;

    public ConfiguredImageCatalog(ImageCatalogConfig config) {
        this.config = config;
        List<ImageEntry> all = new ArrayList<>(config.entries());
        if (config.standIns()) {
            all.addAll(StandInImages.entries(config.imagesDir()));
        }
        this.entries = List.copyOf(all);
    }

    @Override
    public Optional<ResolvedImage> resolve(String reference, String runtime) {
        Optional<ImageEntry> entry = find(ImageReference.parse(reference));
        return switch (runtime) {
            // The image is not used: its metadata still applies, a stand-in note would mislead.
            case "subprocess" ->
                Optional.of(entry.map(e -> new ResolvedImage(
                                reference,
                                Kind.HOST,
                                "",
                                e.entrypoint(),
                                e.cmd(),
                                e.workingDir(),
                                e.env(),
                                Optional.empty()))
                        .orElseGet(() -> bare(reference, Kind.HOST, "")));
            case "bubblewrap" ->
                entry.flatMap(e -> e.rootfs()
                        .filter(Files::isDirectory)
                        .map(dir -> image(reference, e, Kind.ROOTFS, dir.toString())));
            case "podman" ->
                entry.isPresent()
                        ? entry.get().podmanTag().map(tag -> image(reference, entry.get(), Kind.PODMAN_TAG, tag))
                        : config.podmanPassThrough()
                                ? Optional.of(bare(reference, Kind.PODMAN_TAG, reference))
                                : Optional.empty();
            case "apptainer", "singularity" ->
                entry.flatMap(this::forApptainer)
                        .map(form -> image(reference, entry.get(), form.kind(), form.location()))
                        .or(() -> config.uriPrefix().map(prefix -> bare(reference, Kind.URI, prefix + reference)));
            default -> throw new IllegalArgumentException("unknown container runtime '" + runtime + "'");
        };
    }

    /**
     * Apptainer/Singularity with the pod's {@code slurm-job.vk.io/image-root} annotation: the image
     * is that prefix + the reference as the pod wrote it (a URI when the prefix has a scheme such as
     * {@code docker://}, a SIF when it ends in {@code .sif}, an unpacked directory otherwise), run as
     * the site stores it, with the image's own metadata.
     */
    public static ResolvedImage withImageRoot(String reference, String imageRoot) {
        String location = imageRoot + reference;
        Kind kind = imageRoot.contains("://") ? Kind.URI : location.endsWith(".sif") ? Kind.SIF : Kind.ROOTFS;
        return bare(reference, kind, location);
    }

    private Optional<ImageEntry> find(ImageReference reference) {
        ImageEntry best = null;
        int bestScore = 0;
        for (ImageEntry e : entries) {
            int score = e.match(reference);
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private record Form(Kind kind, String location) {}

    private Optional<Form> forApptainer(ImageEntry e) {
        return e.sif()
                .filter(Files::isRegularFile)
                .map(p -> new Form(Kind.SIF, p.toString()))
                .or(() -> e.uri().map(u -> new Form(Kind.URI, u)))
                .or(() -> e.rootfs()
                        .filter(Files::isDirectory)
                        .map(Path::toString)
                        .map(p -> new Form(Kind.ROOTFS, p)));
    }

    private static ResolvedImage image(String reference, ImageEntry e, Kind kind, String location) {
        return new ResolvedImage(
                reference, kind, location, e.entrypoint(), e.cmd(), e.workingDir(), e.env(), e.standIn());
    }

    private static ResolvedImage bare(String reference, Kind kind, String location) {
        return new ResolvedImage(
                reference, kind, location, List.of(), List.of(), Optional.empty(), Map.of(), Optional.empty());
    }
}
