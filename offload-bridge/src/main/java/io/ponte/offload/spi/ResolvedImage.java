package io.ponte.offload.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image reference as it exists on this site.
 *
 * @param reference the reference the pod asked for, e.g. {@code docker.io/library/busybox:1.36}
 * @param kind what {@link #location} is
 * @param location a rootfs directory, a podman tag, a SIF path or an image URI ({@code
 *     docker://…}); empty for {@link Kind#HOST}
 * @param entrypoint the image's ENTRYPOINT (used when the container sets no {@code command})
 * @param cmd the image's CMD (used when the container sets neither {@code command} nor {@code
 *     args})
 * @param workingDir the image's WORKDIR, if any
 * @param env the image's ENV, applied before the container's own
 * @param standIn a note when the image is a local stand-in for the real one (said in events and
 *     logs), e.g. "Debian bookworm rootfs standing in for python:alpine"
 */
public record ResolvedImage(
        String reference,
        Kind kind,
        String location,
        List<String> entrypoint,
        List<String> cmd,
        Optional<String> workingDir,
        Map<String, String> env,
        Optional<String> standIn) {

    /** Where the image's files are. */
    public enum Kind {
        /** No image: the command runs on the host (subprocess runtime). */
        HOST,
        /** An unpacked root filesystem directory (bubblewrap). */
        ROOTFS,
        /** A tag in the local podman store. */
        PODMAN_TAG,
        /** An Apptainer/Singularity image file. */
        SIF,
        /** An image URI the runtime pulls or converts itself, e.g. {@code docker://…}. */
        URI
    }
}
