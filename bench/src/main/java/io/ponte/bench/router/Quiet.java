package io.ponte.bench.router;

import io.ponte.bench.router.CpuShare.Snapshot;
import io.ponte.bench.router.ProcStats.Proc;
import java.util.List;
import java.util.function.Supplier;

/**
 * Keeps measurements that other programs disturbed out of the results: a guarded step whose run saw
 * processes outside the benchmark take {@code maxOthersPercent} or more of the CPUs is repeated,
 * after waiting up to a minute for the machine to calm down, at most {@code tries} times in all.
 * It also sums the CPU ticks of the steps it kept, so a section's CPU share describes the
 * measurements that made it into the report.
 */
final class Quiet {
    private static final long WAIT_MILLIS = 60_000;

    private final List<Proc> procs;
    private final double maxOthersPercent;
    private final int tries;
    private Snapshot kept = Snapshot.ZERO;
    private int guarded;
    private int repeats;

    Quiet(List<Proc> procs, double maxOthersPercent, int tries) {
        this.procs = procs;
        this.maxOthersPercent = maxOthersPercent;
        this.tries = Math.max(1, tries);
    }

    <T> T guard(String what, Supplier<T> step) {
        for (int attempt = 1; ; attempt++) {
            Snapshot before = CpuShare.snapshot(procs);
            T result = step.get();
            Snapshot after = CpuShare.snapshot(procs);
            double others = CpuShare.between(before, after).othersPercent();
            if (others < maxOthersPercent || attempt >= tries) {
                if (others >= maxOthersPercent) {
                    System.err.printf(
                            "%s: other processes took %.0f%% of the CPUs; kept after %d tries%n",
                            what, others, attempt);
                }
                kept = kept.plus(before, after);
                guarded++;
                return result;
            }
            repeats++;
            System.err.printf("%s: other processes took %.0f%% of the CPUs; repeating%n", what, others);
            waitForQuiet();
        }
    }

    /** Waits until other processes use less than the limit over one second, or a minute passed. */
    private void waitForQuiet() {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            Snapshot before = CpuShare.snapshot(procs);
            sleep(1000);
            if (CpuShare.since(before, procs).othersPercent() < maxOthersPercent) {
                return;
            }
        }
    }

    /** Starts a new section's bookkeeping. */
    void reset() {
        kept = Snapshot.ZERO;
        guarded = 0;
        repeats = 0;
    }

    /** The CPU share over the kept steps of this section, or null when none was guarded. */
    CpuShare keptShare() {
        return guarded == 0 ? null : CpuShare.between(Snapshot.ZERO, kept);
    }

    int repeats() {
        return repeats;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
