package io.ponte.offload.adapter.image;

import io.ponte.offload.adapter.slurm.SlurmCluster;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in images of {@code scripts/rootfs.sh}: the Debian rootfs (and its podman tag
 * when podman is installed), built on first use and cached. Tests that need them FAIL when they
 * cannot be built.
 */
public final class StandInRootfs {
    private static Path rootfs;

    private StandInRootfs() {}

    /** Builds the rootfs unless it is cached (≈ 2 minutes from scratch); returns its directory. */
    public static synchronized Path ensureBuilt() {
        if (rootfs != null) {
            return rootfs;
        }
        Path script = SlurmCluster.repositoryRoot().resolve("scripts/rootfs.sh");
        try {
            Path out = Files.createTempFile("rootfs", ".out");
            Path err = Files.createTempFile("rootfs", ".err");
            Process p = new ProcessBuilder("bash", script.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("scripts/rootfs.sh failed:\n" + Files.readString(err));
            }
            String dir = Files.readString(out).strip();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            rootfs = Path.of(dir.lines().reduce((a, b) -> b).orElseThrow());
            return rootfs;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/rootfs.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the rootfs", e);
        }
    }
}
