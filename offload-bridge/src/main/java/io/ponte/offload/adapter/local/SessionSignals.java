package io.ponte.offload.adapter.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Signals every process of a session (as Slurm signals every process of a job): the job script
 * puts each container in a process group of its own, so signalling the script's group would miss
 * them; they all stay in the script's session.
 */
final class SessionSignals {

    void send(long sessionId, String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-s", signal, "--"));
        for (long pid : members(sessionId)) {
            command.add(Long.toString(pid));
        }
        if (command.size() == 4) {
            return;
        }
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            // nothing to signal any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The pids whose session id (field 6 of /proc/PID/stat) is {@code sessionId}. */
    static List<Long> members(long sessionId) {
        List<Long> out = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(
                Path.of("/proc"), p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path proc : procs) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(fields[3]) == sessionId) {
                        out.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
