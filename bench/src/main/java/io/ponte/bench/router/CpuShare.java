package io.ponte.bench.router;

import io.ponte.bench.router.ProcStats.Proc;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How busy the whole machine was during a section, split into the observed processes (the harness
 * included) and everything else, in percent of all CPUs. A large "others" share means the run was
 * disturbed by programs outside the benchmark.
 */
record CpuShare(double busyPercent, double observedPercent, double othersPercent, double stealPercent) {

    /** Machine and observed-process tick counters at one moment, or summed differences of such. */
    record Snapshot(long busy, long steal, long total, long observed) {
        static final Snapshot ZERO = new Snapshot(0, 0, 0, 0);

        /** This plus the ticks that passed from {@code from} to {@code to}. */
        Snapshot plus(Snapshot from, Snapshot to) {
            return new Snapshot(
                    busy + to.busy - from.busy,
                    steal + to.steal - from.steal,
                    total + to.total - from.total,
                    observed + to.observed - from.observed);
        }
    }

    static Snapshot snapshot(List<Proc> procs) {
        long[] cpu = machineTicks();
        long observed = procs.stream().mapToLong(ProcStats::cpuTicks).sum();
        return new Snapshot(cpu[0], cpu[1], cpu[2], observed);
    }

    static CpuShare since(Snapshot before, List<Proc> procs) {
        return between(before, snapshot(procs));
    }

    static CpuShare between(Snapshot before, Snapshot now) {
        double total = Math.max(1, now.total() - before.total());
        double busy = 100 * (now.busy() - before.busy()) / total;
        double observed = 100 * (now.observed() - before.observed()) / total;
        double steal = 100 * (now.steal() - before.steal()) / total;
        return new CpuShare(busy, observed, Math.max(0, busy - observed), steal);
    }

    /** {busy, steal, total} jiffies summed over all CPUs, from the first line of /proc/stat. */
    private static long[] machineTicks() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq;
            return new long[] {busy, steal, busy + idle + iowait + steal};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 1};
        }
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("busy_percent", Dist.round(busyPercent))
                .put("observed_percent", Dist.round(observedPercent))
                .put("others_percent", Dist.round(othersPercent))
                .put("steal_percent", Dist.round(stealPercent));
    }
}
