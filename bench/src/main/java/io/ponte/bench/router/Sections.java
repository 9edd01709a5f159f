package io.ponte.bench.router;

import io.ponte.bench.router.ProcStats.Proc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the selected sections in order, logging them and noting in each the machine's CPU share
 * (over the kept steps when the section guards its steps) and how many steps were repeated.
 */
final class Sections {
    private final Params params;
    private final List<Proc> procs;
    private final Quiet quiet;
    private final Map<String, CpuShare> shares = new LinkedHashMap<>();
    private final Map<String, Integer> repeats = new LinkedHashMap<>();

    Sections(Params params, List<Proc> procs, Quiet quiet) {
        this.params = params;
        this.procs = procs;
        this.quiet = quiet;
    }

    /** Runs {@code body} if the section was selected ("warmup" always runs); null otherwise. */
    <T> T run(String name, Supplier<T> body) {
        if (!name.equals("warmup") && !params.runs(name)) {
            return null;
        }
        System.err.printf("== %s%n", name);
        quiet.reset();
        var before = CpuShare.snapshot(procs);
        long start = System.nanoTime();
        T result = body.get();
        CpuShare whole = CpuShare.since(before, procs);
        CpuShare share = quiet.keptShare() != null ? quiet.keptShare() : whole;
        shares.put(name, share);
        repeats.put(name, quiet.repeats());
        System.err.printf(
                "== %s done in %.1f s; machine busy %.0f%%, other processes %.0f%%, %d steps repeated%n",
                name, (System.nanoTime() - start) / 1e9, share.busyPercent(), share.othersPercent(), quiet.repeats());
        return result;
    }

    Map<String, CpuShare> shares() {
        return shares;
    }

    Map<String, Integer> repeats() {
        return repeats;
    }
}
