package io.ponte.bench.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a process tree (a process and all its descendants, e.g. nginx's
 * master and workers), read from {@code /proc}.
 */
final class ProcStats {
    private static final Path PROC = Path.of("/proc");

    private ProcStats() {}

    /** A process under observation, named after the path it serves ("nginx", "router", "upstream"). */
    record Proc(String name, long pid) {
        /** {@code NAME=PID} or {@code NAME=@PIDFILE}. */
        static Proc parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--proc wants NAME=PID or NAME=@PIDFILE, got " + spec);
            }
            String value = spec.substring(eq + 1).trim();
            try {
                String pid = value.startsWith("@") ? Files.readString(Path.of(value.substring(1))) : value;
                return new Proc(spec.substring(0, eq), Long.parseLong(pid.trim()));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read pid file " + value, e);
            }
        }

        boolean alive() {
            return Files.exists(PROC.resolve(Long.toString(pid)));
        }
    }

    /** CPU clock ticks (user + system) used so far by the tree. */
    static long cpuTicks(Proc proc) {
        long ticks = 0;
        for (long pid : tree(proc.pid())) {
            String[] f = statFields(pid);
            if (f.length > 12) {
                // After "pid (comm)", field 14 utime and 15 stime sit at 11 and 12.
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
        }
        return ticks;
    }

    /** CPU ticks of each process tree, by name. */
    static Map<String, Long> ticks(List<Proc> procs) {
        Map<String, Long> out = new LinkedHashMap<>();
        procs.forEach(p -> out.put(p.name(), cpuTicks(p)));
        return out;
    }

    /** VmRSS of the tree in KiB (summed over processes, so pages they share count more than once). */
    static long rssKb(Proc proc) {
        long kb = 0;
        for (long pid : tree(proc.pid())) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kb += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the process ended between listing and reading
            }
        }
        return kb;
    }

    /** The command line of a process, NUL separators turned into spaces. */
    static String cmdline(long pid) {
        try {
            return Files.readString(PROC.resolve(pid + "/cmdline"))
                    .replace('\0', ' ')
                    .trim();
        } catch (IOException e) {
            return "";
        }
    }

    static long clockTicksPerSecond() {
        String out = Shell.firstLine("getconf", "CLK_TCK");
        try {
            return Long.parseLong(out.trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** The pid and all its descendants. */
    static List<Long> tree(long root) {
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
            return List.of(root);
        }
        List<Long> out = new ArrayList<>();
        out.add(root);
        for (int i = 0; i < out.size(); i++) {
            out.addAll(children.getOrDefault(out.get(i), List.of()));
        }
        return out;
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
}
