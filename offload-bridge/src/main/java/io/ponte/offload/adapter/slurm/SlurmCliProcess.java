package io.ponte.offload.adapter.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs one Slurm command as a process: an argument vector, no shell, and a deadline. */
final class SlurmCliProcess {

    /** What a finished command left. */
    record Result(int exitCode, String stdout, String stderr) {}

    /** Runs commands; tests wrap it to count invocations. */
    @FunctionalInterface
    interface Runner {
        Result run(List<String> argv, Optional<Path> workDir, Map<String, String> env, Duration deadline)
                throws SlurmException;
    }

    private SlurmCliProcess() {}

    /** The real runner: {@link ProcessBuilder}, output read concurrently, killed at the deadline. */
    static Result run(List<String> argv, Optional<Path> workDir, Map<String, String> env, Duration deadline)
            throws SlurmException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(devNull()));
        workDir.ifPresent(dir -> builder.directory(dir.toFile()));
        Map<String, String> processEnv = builder.environment();
        // Variables of an enclosing job (SLURM_JOB_ID, SBATCH_*) would change what the commands do.
        processEnv
                .keySet()
                .removeIf(k -> k.startsWith("SLURM_")
                        || k.startsWith("SBATCH_")
                        || k.startsWith("SQUEUE_")
                        || k.startsWith("SACCT_")
                        || k.startsWith("SINFO_")
                        || k.startsWith("SCANCEL_"));
        processEnv.putAll(env);
        String name = Path.of(argv.get(0)).getFileName().toString();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new SlurmException(name + " cannot be run: " + e.getMessage(), false, e);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new SlurmException(name + " did not answer within " + deadline.toMillis() + " ms", true);
            }
            return new Result(process.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SlurmException(name + " was interrupted", true, e);
        } catch (ExecutionException e) {
            throw new SlurmException(name + ": reading its output failed: " + e.getCause(), true, e);
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try (stream) {
                        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                Thread::startVirtualThread);
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }
}
