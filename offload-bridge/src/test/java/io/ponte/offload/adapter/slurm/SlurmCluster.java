package io.ponte.offload.adapter.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real single-node Slurm cluster of {@code scripts/slurm.sh}, started on first use (the script
 * is idempotent, so a cluster CI already started is reused). Tests that need Slurm FAIL when it
 * cannot be started: they never skip.
 *
 * <p>Use {@code @ExtendWith(SlurmCluster.class)} or call {@link #ensureStarted()}; {@link #conf()}
 * is the {@code SLURM_CONF} every Slurm command must see, {@link #cli()} a ready client.
 */
public final class SlurmCluster implements BeforeAllCallback {
    private static Path conf;

    @Override
    public void beforeAll(ExtensionContext context) {
        ensureStarted();
    }

    /** Starts the cluster unless it runs; returns its {@code slurm.conf}. */
    public static synchronized Path ensureStarted() {
        if (conf != null) {
            return conf;
        }
        Path script = repositoryRoot().resolve("scripts/slurm.sh");
        try {
            Path log = Files.createTempFile("slurm-start", ".log");
            Path stdout = Files.createTempFile("slurm-start", ".out");
            Process p = new ProcessBuilder("bash", script.toString(), "start")
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(log.toFile())
                    .start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("scripts/slurm.sh start failed:\n" + Files.readString(log));
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(log);
            String line = out.lines()
                    .filter(l -> l.startsWith("export SLURM_CONF="))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("scripts/slurm.sh printed no SLURM_CONF: " + out));
            conf = Path.of(unquote(line.substring("export SLURM_CONF=".length())));
            return conf;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run scripts/slurm.sh: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Slurm", e);
        }
    }

    /** The {@code slurm.conf} of the running cluster. */
    public static Path conf() {
        return ensureStarted();
    }

    /** A client of the running cluster with a 30 s deadline per command. */
    public static SlurmCli cli() {
        return new SlurmCli(new SlurmCli.Options(Optional.of(conf()), Optional.empty(), Duration.ofSeconds(30)));
    }

    /** The repository root: the first directory upwards holding {@code scripts/slurm.sh}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("scripts/slurm.sh"))) {
                return d;
            }
        }
        throw new IllegalStateException("no scripts/slurm.sh above " + dir);
    }

    private static String unquote(String shellWord) {
        // print_env uses printf %q: plain paths come back as they are, others with backslashes.
        return shellWord.replaceAll("\\\\(.)", "$1");
    }
}
