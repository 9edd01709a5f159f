package io.ponte.pipelines.adapter.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process identified by pid and kernel start time ({@code /proc/PID/stat} field 22, clock ticks
 * since boot), so that a pid the kernel has reused for another process is not mistaken for ours.
 * Written as {@code local:PID:STARTTIME}. The process leads its own process group (pgid = pid).
 */
record ProcessRef(long pid, long startTime) {
    private static final String PREFIX = "local:";

    static Optional<ProcessRef> of(long pid) {
        return stat(pid).map(s -> new ProcessRef(pid, s.startTime()));
    }

    static Optional<ProcessRef> parse(String ref) {
        if (ref == null || !ref.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = ref.substring(PREFIX.length()).split(":");
        try {
            return parts.length == 2
                    ? Optional.of(new ProcessRef(Long.parseLong(parts[0]), Long.parseLong(parts[1])))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String format() {
        return PREFIX + pid + ":" + startTime;
    }

    /** Whether this very process still runs (a zombie no longer counts). */
    boolean alive() {
        return stat(pid)
                .filter(s -> s.startTime() == startTime && s.state() != 'Z' && s.state() != 'X')
                .isPresent();
    }

    private record Stat(char state, long startTime) {}

    private static Optional<Stat> stat(long pid) {
        String text;
        try {
            text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return Optional.empty();
        }
        // The command name (field 2) is in parentheses and may hold spaces: fields start after the last ')'.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[19])));
    }
}
