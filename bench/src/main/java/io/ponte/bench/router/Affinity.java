package io.ponte.bench.router;

import io.ponte.bench.router.ProcStats.Proc;
import java.util.List;

/**
 * CPU placement for the pinned latency mode, through {@code taskset}. On a small VM a wake-up on
 * another, idle vCPU costs tens of microseconds, and whether a request crosses CPUs depends on where
 * the scheduler happens to put each thread; pinning the load generator to one CPU and every server
 * to another makes every path cross exactly twice, so what remains between paths is the proxy's
 * own work.
 */
final class Affinity {
    /** Taken before any pinning, which would make the JVM see fewer CPUs. */
    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    private Affinity() {}

    static boolean available() {
        return CPUS >= 2
                && !Shell.output(
                                "taskset",
                                "-p",
                                Long.toString(ProcessHandle.current().pid()))
                        .isEmpty();
    }

    /** Load generator on CPU 0, every observed server on CPU 1. */
    static void split(List<Proc> servers) {
        set(ProcessHandle.current().pid(), "0");
        servers.forEach(p -> ProcStats.tree(p.pid()).forEach(pid -> set(pid, "1")));
    }

    /** Every process back on all CPUs. */
    static void release(List<Proc> servers) {
        String all = "0-" + (CPUS - 1);
        set(ProcessHandle.current().pid(), all);
        servers.forEach(p -> ProcStats.tree(p.pid()).forEach(pid -> set(pid, all)));
    }

    private static void set(long pid, String cpus) {
        Shell.output("taskset", "-a", "-p", "-c", cpus, Long.toString(pid));
    }
}
