package io.ponte.cli.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Liveness and termination of processes, by {@link ProcessHandle}. */
final class Processes {
    private static final Path PROC = Path.of("/proc");
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private Processes() {}

    /**
     * Whether the process runs. Unlike {@link ProcessHandle#isAlive()} this says no for a zombie:
     * a detached service that exited stays one until its new parent reaps it, and some container
     * init processes never do.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = PROC.resolve(Long.toString(process.pid())).resolve("stat");
        if (!Files.isDirectory(PROC)) {
            return true;
        }
        try {
            String line = Files.readString(stat);
            char state = line.charAt(line.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Stops the process: SIGTERM, up to {@code grace} for it to exit, then SIGKILL to it and to
     * whatever it had started. Returns whether it had to be killed.
     */
    static boolean terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (awaitExit(process, grace)) {
            return false;
        }
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(process, KILL_WAIT);
        return true;
    }

    /** Waits until the process has exited, at most {@code timeout}; returns whether it has. */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            pause(process, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
        }
        return true;
    }

    /** Waits for the exit or for {@code nanos}, whichever comes first. */
    static void pause(ProcessHandle process, long nanos) {
        try {
            process.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // still running, or its exit could not be observed: the caller looks again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StackException.failed("interrupted while waiting for pid " + process.pid());
        }
    }
}
