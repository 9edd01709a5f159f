package io.ponte.bench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time from {@code /proc}: of the whole machine and of named process trees (a service JVM, the PostgreSQL
 * server with all its backends, the harness itself). Clock ticks are 10 ms, so a phase resolves CPU per request to
 * 10 ms / requests.
 */
public final class Cpu {
    private static final Path PROC = Path.of("/proc");
    private static final double TICKS_PER_SECOND = 100.0;
    /** Below this many machine ticks (0.5 s on 2 CPUs) shares are noise: they are reported as unknown. */
    private static final long MIN_TICKS = 100;

    private final Map<String, Long> roots;

    /** {@code roots}: name → pid of the tree's root process. */
    public Cpu(Map<String, Long> roots) {
        this.roots = roots;
    }

    /** Counters at one moment: machine busy and total ticks over all CPUs, and each tree's ticks. */
    public record Snapshot(long busy, long total, Map<String, Long> trees) {}

    /**
     * CPU use between two snapshots: machine busy % of all CPUs, the share of it no observed tree accounts for
     * (other programs on a shared machine), and CPU-ms spent by each tree.
     */
    public record Use(double busyPercent, double othersPercent, Map<String, Double> cpuMs) {}

    public Snapshot snapshot() {
        long[] m = machine();
        Map<Long, List<Long>> children = children();
        Set<Long> others = new HashSet<>(roots.values());
        Map<String, Long> trees = new LinkedHashMap<>();
        roots.forEach((name, pid) -> trees.put(name, treeTicks(pid, children, others)));
        return new Snapshot(m[0], m[1], trees);
    }

    public static Use between(Snapshot a, Snapshot b) {
        Map<String, Double> ms = new LinkedHashMap<>();
        long observed = 0;
        for (var e : b.trees().entrySet()) {
            long ticks = Math.max(0, e.getValue() - a.trees().getOrDefault(e.getKey(), e.getValue()));
            observed += ticks;
            ms.put(e.getKey(), ticks * 1000 / TICKS_PER_SECOND);
        }
        long total = b.total() - a.total();
        if (total < MIN_TICKS) {
            return new Use(Double.NaN, Double.NaN, ms);
        }
        double busy = 100.0 * (b.busy() - a.busy()) / total;
        return new Use(busy, Math.max(0, busy - 100.0 * observed / total), ms);
    }

    /** CPU milliseconds (user + system) a process has spent since it started, from its tick counters. */
    public static double processCpuMs(long pid) {
        String[] f = statFields(pid);
        return f.length > 12 ? (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / TICKS_PER_SECOND : Double.NaN;
    }

    /** The parent pid of a process (for a PostgreSQL backend: the postmaster), or -1. */
    public static long parent(long pid) {
        String[] f = statFields(pid);
        return f.length > 1 ? Long.parseLong(f[1]) : -1;
    }

    /** The command line of a process, NUL separators turned into spaces. */
    public static String cmdline(long pid) {
        try {
            return Files.readString(PROC.resolve(pid + "/cmdline"))
                    .replace('\0', ' ')
                    .trim();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * utime + stime of the tree's processes, plus the root's cutime + cstime: a child that exits (a PostgreSQL backend
     * at disconnect) hands its time to the root's "children" counters, so the sum never goes backwards. A descendant
     * that is itself the root of another observed tree (a service the harness started) counts in that tree only.
     */
    private static long treeTicks(long root, Map<Long, List<Long>> children, Set<Long> roots) {
        long ticks = 0;
        for (long pid : tree(root, children, roots)) {
            String[] f = statFields(pid);
            if (f.length > 14) {
                // After "pid (comm)", fields 14-17 (utime, stime, cutime, cstime) sit at 11-14.
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (pid == root) {
                    ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
            }
        }
        return ticks;
    }

    /** The pid and its descendants, not descending into other roots. */
    private static List<Long> tree(long root, Map<Long, List<Long>> children, Set<Long> roots) {
        List<Long> out = new ArrayList<>(List.of(root));
        for (int i = 0; i < out.size(); i++) {
            for (long child : children.getOrDefault(out.get(i), List.of())) {
                if (!roots.contains(child)) {
                    out.add(child);
                }
            }
        }
        return out;
    }

    /** Parent pid → its child pids, for every process now. */
    private static Map<Long, List<Long>> children() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .forEach(pid -> {
                        String[] f = statFields(pid);
                        if (f.length > 1) {
                            children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>())
                                    .add(pid);
                        }
                    });
        } catch (IOException e) {
            // no listing: each tree is its root alone
        }
        return children;
    }

    /** Fields of /proc/PID/stat after "(comm)", starting with field 3 (state); empty if gone. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    /** {busy, total} jiffies summed over all CPUs, from the first line of /proc/stat (steal counts as busy). */
    private static long[] machine() {
        try {
            String[] f =
                    Files.readAllLines(PROC.resolve("stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
            return new long[] {busy, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 1};
        }
    }
}
