package io.ponte.offload.adapter.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process identified by pid AND start time (field 22 of {@code /proc/PID/stat}), so that a pid
 * reused by another process after a restart of the bridge is never mistaken for the job.
 */
record ProcessIdentity(long pid, long startTicks) {

    /** Parses a job id written by {@link #jobId()}. */
    static Optional<ProcessIdentity> parse(String jobId) {
        int at = jobId.indexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ProcessIdentity(
                    Long.parseLong(jobId.substring(0, at)), Long.parseLong(jobId.substring(at + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The identity of a live process, or empty when it is gone. */
    static Optional<ProcessIdentity> of(long pid) {
        return startTicks(pid).map(t -> new ProcessIdentity(pid, t));
    }

    /** {@code PID@STARTTICKS}. */
    String jobId() {
        return pid + "@" + startTicks;
    }

    /** Whether this very process is still alive (and not a zombie). */
    boolean alive() {
        return startTicks(pid).filter(t -> t == startTicks).isPresent() && !zombie(pid);
    }

    private static Optional<Long> startTicks(long pid) {
        return stat(pid).map(fields -> Long.parseLong(fields[19]));
    }

    private static boolean zombie(long pid) {
        return stat(pid).map(fields -> fields[0].equals("Z")).orElse(true);
    }

    /** The fields after the command name: state is [0], start time (field 22) is [19]. */
    private static Optional<String[]> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return Optional.of(stat.substring(close + 2).trim().split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
