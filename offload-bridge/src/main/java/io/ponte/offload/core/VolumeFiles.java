package io.ponte.offload.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Writes volume files byte for byte with a Kubernetes-style octal mode, refusing paths that leave the volume. */
final class VolumeFiles {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
    };

    private VolumeFiles() {}

    /** Writes {@code bytes} to {@code relative} under {@code dir}, creating parent directories, with {@code mode}. */
    static void write(String volume, Path dir, String relative, byte[] bytes, int mode) {
        Path target = resolveInside(volume, dir, relative);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            Files.setPosixFilePermissions(target, permissions(mode));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + " of volume " + volume, e);
        }
    }

    /** {@code relative} under {@code dir}, or a refusal naming the volume when it is absolute or climbs out. */
    static Path resolveInside(String volume, Path dir, String relative) {
        if (relative == null || relative.isEmpty() || relative.startsWith("/")) {
            throw new PodRejectedException(
                    "volume " + volume + ": path '" + relative + "' must be a non-empty relative path");
        }
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir) || target.equals(dir) || relative.contains("..")) {
            throw new PodRejectedException("volume " + volume + ": path '" + relative + "' must not contain '..'");
        }
        return target;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        if (mode < 0 || mode > 0777) {
            throw new PodRejectedException("file mode " + Integer.toOctalString(mode) + " is not between 0 and 0777");
        }
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(BITS[bit]);
            }
        }
        return set;
    }
}
