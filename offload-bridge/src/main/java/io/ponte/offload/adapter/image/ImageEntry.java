package io.ponte.offload.adapter.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One image this site has, in the forms its runtimes use, with the metadata a runtime needs when it
 * cannot read the image itself.
 *
 * @param pattern which references it serves: {@code name:tag} exactly, {@code name:*} or {@code
 *     name} for any tag ({@code docker.io/library/} prefixes are ignored on both sides)
 * @param rootfs an unpacked root filesystem (bubblewrap; apptainer can run it too)
 * @param podmanTag a tag in the local podman store
 * @param sif an Apptainer/Singularity image file
 * @param uri an image URI apptainer/singularity fetch or convert themselves, e.g. {@code
 *     docker://python:3.11-alpine} or {@code oras://…}
 * @param entrypoint the image's ENTRYPOINT
 * @param cmd the image's CMD
 * @param workingDir the image's WORKDIR
 * @param env the image's ENV
 * @param standIn when the local form is not the real image: what it is instead; said in the pod's
 *     events and logs
 */
public record ImageEntry(
        String pattern,
        Optional<Path> rootfs,
        Optional<String> podmanTag,
        Optional<Path> sif,
        Optional<String> uri,
        List<String> entrypoint,
        List<String> cmd,
        Optional<String> workingDir,
        Map<String, String> env,
        Optional<String> standIn) {

    public ImageEntry {
        Objects.requireNonNull(pattern);
        if (pattern.isBlank()) {
            throw new IllegalArgumentException("an image catalog entry needs a pattern");
        }
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        env = Map.copyOf(env);
    }

    /** How well this entry matches: 2 exact tag, 1 any tag, 0 not at all. */
    int match(ImageReference reference) {
        String p = pattern.strip();
        boolean anyTag = p.endsWith(":*");
        if (anyTag) {
            p = p.substring(0, p.length() - 2);
        } else if (!hasTag(p)) {
            anyTag = true;
        }
        ImageReference wanted = ImageReference.parse(p);
        if (!wanted.name().equals(reference.name())) {
            return 0;
        }
        if (anyTag) {
            return 1;
        }
        return wanted.tag().equals(reference.tag()) ? 2 : 0;
    }

    private static boolean hasTag(String pattern) {
        return pattern.contains("@") || pattern.lastIndexOf(':') > pattern.lastIndexOf('/');
    }
}
