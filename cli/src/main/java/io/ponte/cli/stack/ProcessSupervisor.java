package io.ponte.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Starts services as child processes and stops them again through the pid files in the state
 * directory, so that a later {@code ponte} finds what an earlier one started.
 */
public final class ProcessSupervisor {
    /** How long a service gets to exit after SIGTERM before it is killed, unless told otherwise. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Path root;
    private final StateDir state;
    private final Path java;
    private final Duration stopGrace;

    /**
     * @param root the repository root, against which launch paths are resolved
     * @param state where pid files and logs go
     * @param java the {@code java} executable that runs the services
     * @param stopGrace how long a service gets to exit after SIGTERM before SIGKILL
     */
    public ProcessSupervisor(Path root, StateDir state, Path java, Duration stopGrace) {
        this.root = root;
        this.state = state;
        this.java = java;
        this.stopGrace = stopGrace;
    }

    /** A supervisor whose services run on the JVM that runs {@code ponte}, stopped with the default grace. */
    public static ProcessSupervisor onThisJvm(Path root, StateDir state) {
        return new ProcessSupervisor(root, state, Path.of(System.getProperty("java.home"), "bin", "java"), STOP_GRACE);
    }

    public Duration stopGrace() {
        return stopGrace;
    }

    public StateDir state() {
        return state;
    }

    /** The record of the service when its process is running. */
    public Optional<RunRecord> running(ServiceSpec service) {
        return RunRecord.read(state, service.name()).filter(r -> r.process().isPresent());
    }

    /** Whether the state directory has a pid file for the service, whether or not it runs. */
    public boolean hasPidFile(ServiceSpec service) {
        return RunRecord.exists(state, service.name());
    }

    /** The configuration file that will be passed to the service, when the user wrote one. */
    public Optional<Path> configFile(ServiceSpec service) {
        return Optional.of(state.configFile(service.name())).filter(Files::isRegularFile);
    }

    /**
     * Launches the service detached from the terminal's input, with stdout and stderr in its log
     * file (the previous log becomes {@code .log.1}), and writes its pid file.
     */
    public Process start(ServiceSpec service, int port) {
        String name = service.name();
        Path log = state.logFile(name);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(state.workDir(name));
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(service.command(java, root, port, configFile(service)))
                    .directory(state.workDir(name).toFile())
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(service.environment());
            Process process = builder.start();
            RunRecord.of(process.toHandle(), port).write(state, name);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The outcome of {@link #stop}. */
    public enum Stopped {
        /** It stopped after SIGTERM. */
        STOPPED,
        /** It ignored SIGTERM for the stop grace and was killed. */
        KILLED,
        /** A pid file was there but its process was gone; the file was removed. */
        WAS_NOT_RUNNING,
        /** There was no pid file. */
        NOT_STARTED
    }

    /** Stops the service named in the pid file, if it runs, and removes its pid file. */
    public Stopped stop(ServiceSpec service) {
        String name = service.name();
        if (!RunRecord.exists(state, name)) {
            return Stopped.NOT_STARTED;
        }
        Optional<ProcessHandle> process = RunRecord.read(state, name).flatMap(RunRecord::process);
        Stopped outcome = process.map(p -> Processes.terminate(p, stopGrace) ? Stopped.KILLED : Stopped.STOPPED)
                .orElse(Stopped.WAS_NOT_RUNNING);
        RunRecord.delete(state, name);
        return outcome;
    }
}
