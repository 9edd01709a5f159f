package io.ponte.cli.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What the state directory remembers about a started service: the pid file ({@code run/NAME.pid},
 * the pid alone) and, next to it, the port and the process's start time ({@code
 * run/NAME.properties}), which tells the service apart from an unrelated process that reused the
 * pid.
 */
public record RunRecord(long pid, int port, Optional<Instant> started) {

    /** The record of {@code process}, started to listen on {@code port}. */
    static RunRecord of(ProcessHandle process, int port) {
        return new RunRecord(process.pid(), port, process.info().startInstant());
    }

    /** The service's record, or empty when there is none or it cannot be read. */
    static Optional<RunRecord> read(StateDir state, String service) {
        Path pidFile = state.pidFile(service);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Properties details = new Properties();
            Path runFile = state.runFile(service);
            if (Files.isRegularFile(runFile)) {
                try (Reader reader = Files.newBufferedReader(runFile)) {
                    details.load(reader);
                }
            }
            int port = Integer.parseInt(details.getProperty("port", "0"));
            Optional<Instant> started =
                    Optional.ofNullable(details.getProperty("started")).map(Instant::parse);
            return Optional.of(new RunRecord(pid, port, started));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the state directory has a pid file for the service, readable or not. */
    static boolean exists(StateDir state, String service) {
        return Files.exists(state.pidFile(service));
    }

    void write(StateDir state, String service) {
        Properties details = new Properties();
        details.setProperty("port", Integer.toString(port));
        started.ifPresent(instant -> details.setProperty("started", instant.toString()));
        try {
            Files.createDirectories(state.pidFile(service).getParent());
            try (Writer writer = Files.newBufferedWriter(state.runFile(service))) {
                details.store(writer, "written by ponte up");
            }
            Files.writeString(state.pidFile(service), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(StateDir state, String service) {
        try {
            Files.deleteIfExists(state.pidFile(service));
            Files.deleteIfExists(state.runFile(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process this record names, when it is still running and really the one started. */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(Processes::isRunning).filter(this::sameStart);
    }

    private boolean sameStart(ProcessHandle handle) {
        Optional<Instant> actual = handle.info().startInstant();
        if (started.isEmpty() || actual.isEmpty()) {
            return true;
        }
        return Math.abs(actual.get().toEpochMilli() - started.get().toEpochMilli()) < 1_000;
    }
}
