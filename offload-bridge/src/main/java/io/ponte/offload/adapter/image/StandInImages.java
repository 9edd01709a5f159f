package io.ponte.offload.adapter.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in catalog entries: public images the vk-test-set and simple pods use, all served by
 * the ONE Debian bookworm rootfs that {@code scripts/rootfs.sh} builds (python3 3.11 with numpy,
 * busybox 1.35 applets, nginx-light, git), also imported into podman as {@value #PODMAN_TAG}. It is a stand-in, not
 * the image: Alpine's musl, apk and exact versions are missing, and every pod using it is told so.
 * ENTRYPOINT/CMD/ENV are those of the real images.
 */
public final class StandInImages {
    /** The directory under the images dir that scripts/rootfs.sh builds. */
    public static final String NAME = "bookworm-standin";
    /** The podman tag scripts/rootfs.sh imports the rootfs as. */
    public static final String PODMAN_TAG = "localhost/ponte/bookworm-standin:latest";

    private StandInImages() {}

    /** The rootfs directory under {@code imagesDir}. */
    public static Path rootfs(Path imagesDir) {
        return imagesDir.resolve(NAME).resolve("rootfs");
    }

    /** Entries for busybox, alpine, python, nginx, bitnamilegacy/git and ghcr.io/grycap/cowsay, any tag. */
    public static List<ImageEntry> entries(Path imagesDir) {
        Path rootfs = rootfs(imagesDir);
        return List.of(
                entry("busybox", rootfs, List.of(), List.of("sh"), Map.of()),
                entry("alpine", rootfs, List.of(), List.of("/bin/sh"), Map.of()),
                entry("python", rootfs, List.of(), List.of("python3"), Map.of("LANG", "C.UTF-8")),
                entry("nginx", rootfs, List.of(), List.of("nginx", "-g", "daemon off;"), Map.of()),
                entry("bitnamilegacy/git", rootfs, List.of(), List.of("/bin/bash"), Map.of()),
                entry("ghcr.io/grycap/cowsay", rootfs, List.of(), List.of("/bin/bash"), Map.of()));
    }

    private static ImageEntry entry(
            String name, Path rootfs, List<String> entrypoint, List<String> cmd, Map<String, String> env) {
        return new ImageEntry(
                name,
                Optional.of(rootfs),
                Optional.of(PODMAN_TAG),
                Optional.empty(),
                Optional.empty(),
                entrypoint,
                cmd,
                Optional.empty(),
                env,
                Optional.of("no registry is reachable here: a local Debian bookworm rootfs (python3 with numpy, "
                        + "busybox, nginx-light, git; built by scripts/rootfs.sh) stands in for " + name));
    }
}
