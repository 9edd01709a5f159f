package io.ponte.cli.stack;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Polls a starting service's readiness endpoint until it is ready, exits, or time runs out. */
public final class HealthWaiter {
    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final HealthProbe probe;

    public HealthWaiter(HealthProbe probe) {
        this.probe = probe;
    }

    /** How the wait ended. */
    public enum Outcome {
        READY,
        EXITED,
        TIMED_OUT
    }

    /** Waits for {@code process}, listening on {@code port}, to answer 200 on {@code readyPath}. */
    public Outcome await(ProcessHandle process, int port, String readyPath, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            if (!Processes.isRunning(process)) {
                return Outcome.EXITED;
            }
            if (probe.isReady(port, readyPath)) {
                return Outcome.READY;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return Outcome.TIMED_OUT;
            }
            Processes.pause(process, Math.min(left, INTERVAL_NANOS));
        }
    }
}
