package io.ponte.offload.adapter.slurm;

import io.ponte.offload.adapter.slurm.SlurmJobState.State;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the Slurm commands print. Exit codes become one number the way a shell reports them:
 * the exit status, or 128 + the signal for a job a signal ended.
 */
final class SlurmCliParser {
    /** Fields {@link SlurmCli} asks squeue for, in order; the last one may contain the separator. */
    static final String SQUEUE_FORMAT = "JobID:|,State:|,Reason:|,exit_code:|,StartTime:|,EndTime:|,STDOUT:";
    /** Fields asked of sacct, in order. */
    static final String SACCT_FORMAT = "JobID,State,ExitCode,Start,End";

    private static final Pattern GPU = Pattern.compile("(?:^|,)gpu(?::[^:,(]+)*?:(\\d+)");

    private SlurmCliParser() {}

    /** One squeue line: the job and the path of its standard output file. */
    record QueueLine(SlurmJobState job, Optional<String> stdout) {}

    static List<QueueLine> squeue(String output, ZoneId zone) {
        List<QueueLine> jobs = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\\|", 7);
            if (f.length < 7) {
                continue;
            }
            State state = state(f[1]);
            boolean started = state != State.PENDING; // a pending job's StartTime is only an estimate
            jobs.add(new QueueLine(
                    new SlurmJobState(
                            f[0].trim(),
                            state,
                            rawExitStatus(f[3], state),
                            reason(f[2]),
                            started ? time(f[4], zone) : Optional.empty(),
                            state.isFinal() ? time(f[5], zone) : Optional.empty()),
                    text(f[6])));
        }
        return jobs;
    }

    /** {@code sacct -n -P -o JobID,State,ExitCode,Start,End}; job steps ({@code 12.batch}) are skipped. */
    static List<SlurmJobState> sacct(String output, ZoneId zone) {
        List<SlurmJobState> jobs = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length < 5 || f[0].isBlank() || f[0].contains(".")) {
                continue;
            }
            State state = state(f[1]);
            jobs.add(new SlurmJobState(
                    f[0].trim(), state, exitPair(f[2], state), Optional.empty(), time(f[3], zone), time(f[4], zone)));
        }
        return jobs;
    }

    /** A state name as squeue or sacct prints it ({@code CANCELLED by 0} included). */
    static State state(String text) {
        String name = text.trim().split("[ +]", 2)[0].toUpperCase(Locale.ROOT);
        return switch (name) {
            case "PENDING",
                    "PD",
                    "CONFIGURING",
                    "CF",
                    "REQUEUED",
                    "RQ",
                    "REQUEUE_HOLD",
                    "RH",
                    "REQUEUE_FED",
                    "RF",
                    "RESV_DEL_HOLD",
                    "RD" -> State.PENDING;
            case "RUNNING", "R", "SUSPENDED", "S", "STOPPED", "ST", "RESIZING", "RS" -> State.RUNNING;
            case "COMPLETING", "CG", "STAGE_OUT", "SO", "SIGNALING", "SI" -> State.COMPLETING;
            case "COMPLETED", "CD" -> State.COMPLETED;
            case "FAILED",
                    "F",
                    "BOOT_FAIL",
                    "BF",
                    "DEADLINE",
                    "DL",
                    "PREEMPTED",
                    "PR",
                    "REVOKED",
                    "RV",
                    "SPECIAL_EXIT",
                    "SE" -> State.FAILED;
            case "CANCELLED", "CA" -> State.CANCELLED;
            case "TIMEOUT", "TO" -> State.TIMEOUT;
            case "OUT_OF_MEMORY", "OOM" -> State.OUT_OF_MEMORY;
            case "NODE_FAIL", "NF" -> State.NODE_FAIL;
            default -> State.UNKNOWN;
        };
    }

    /** sacct's {@code EXIT:SIGNAL}. */
    static Optional<Integer> exitPair(String text, State state) {
        if (!state.isFinal()) {
            return Optional.empty();
        }
        String[] parts = text.trim().split(":");
        try {
            int exit = Integer.parseInt(parts[0]);
            int signal = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return Optional.of(signal != 0 ? 128 + signal : exit);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** squeue's {@code exit_code} is the raw wait status: exit status × 256, or the signal. */
    static Optional<Integer> rawExitStatus(String text, State state) {
        if (!state.isFinal()) {
            return Optional.empty();
        }
        try {
            int status = Integer.parseInt(text.trim());
            int signal = status & 0x7f;
            return Optional.of(signal != 0 ? 128 + signal : (status >> 8) & 0xff);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Instant> time(String text, ZoneId zone) {
        String t = text.trim();
        if (t.isEmpty() || !Character.isDigit(t.charAt(0))) {
            return Optional.empty(); // None, Unknown, N/A
        }
        try {
            return Optional.of(LocalDateTime.parse(t).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A Slurm time limit in minutes: {@code [D-]HH:MM:SS}, {@code MM:SS}, {@code MM}, {@code D-HH[:MM]}; -1 for none. */
    static long minutes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("infinite") || t.equals("unlimited") || t.equals("n/a")) {
            return -1;
        }
        long days = 0;
        int dash = t.indexOf('-');
        if (dash >= 0) {
            days = Long.parseLong(t.substring(0, dash));
            t = t.substring(dash + 1);
        }
        String[] p = t.split(":");
        long[] n = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            n[i] = Long.parseLong(p[i]);
        }
        long minutes;
        if (dash >= 0) { // D-HH, D-HH:MM, D-HH:MM:SS
            minutes = n[0] * 60 + (n.length > 1 ? n[1] : 0) + (n.length > 2 && n[2] > 0 ? 1 : 0);
        } else if (n.length == 3) {
            minutes = n[0] * 60 + n[1] + (n[2] > 0 ? 1 : 0);
        } else if (n.length == 2) { // MM:SS
            minutes = n[0] + (n[1] > 0 ? 1 : 0);
        } else {
            minutes = n[0];
        }
        return days * 24 * 60 + minutes;
    }

    /** GPUs in a node's gres string ({@code gpu:4}, {@code gpu:a100:4(S:0-1)}, {@code (null)}). */
    static int gpus(String gres) {
        int total = 0;
        Matcher m = GPU.matcher(gres.trim());
        while (m.find()) {
            total += Integer.parseInt(m.group(1));
        }
        return total;
    }

    /** A leading number ({@code 2+}, {@code 20000}); 0 when none. */
    static long number(String text) {
        Matcher m = Pattern.compile("^\\d+").matcher(text.trim());
        return m.find() ? Long.parseLong(m.group()) : 0;
    }

    private static Optional<String> reason(String text) {
        String t = text.trim();
        return t.isEmpty() || t.equals("None") || t.equals("(null)") ? Optional.empty() : Optional.of(t);
    }

    private static Optional<String> text(String text) {
        String t = text.strip();
        return t.isEmpty() || t.equals("(null)") ? Optional.empty() : Optional.of(t);
    }
}
