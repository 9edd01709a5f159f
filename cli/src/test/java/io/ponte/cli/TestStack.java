package io.ponte.cli;

import io.ponte.cli.stack.ServiceCatalog;
import io.ponte.cli.stack.ServiceSpec;
import io.ponte.cli.stack.StateDir;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** A repository root with a catalogue of fake services, and {@code ponte} run in-process on it. */
final class TestStack implements AutoCloseable {
    private final Workspace workspace;

    TestStack(Path root, List<ServiceSpec> services) {
        this(root, services, Map.of());
    }

    TestStack(Path root, List<ServiceSpec> services, Map<String, String> env) {
        this.workspace = new Workspace(root, new ServiceCatalog(services), env);
    }

    /** What one command printed and returned. */
    record Result(int exitCode, String out, String err) {}

    Result ponte(String... args) {
        StringWriter out = new StringWriter();
        return run(new PrintWriter(out, true), out, args);
    }

    /**
     * Like {@link #ponte(String...)}, with standard output behind a buffer as {@code System.out} is: while the
     * command runs, {@code flushed} holds only what it has flushed (or ended with a newline).
     */
    Result ponteBuffered(StringWriter flushed, String... args) {
        return run(new PrintWriter(new BufferedWriter(flushed), true), flushed, args);
    }

    private Result run(PrintWriter stdout, StringWriter out, String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Ponte.commandLine(workspace);
        commandLine.setOut(stdout);
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        stdout.flush();
        return new Result(exitCode, out.toString(), err.toString());
    }

    StateDir state() {
        return new StateDir(workspace.root().resolve(".ponte"));
    }

    /** The pid in the service's pid file. */
    long pid(String service) {
        try {
            return Long.parseLong(Files.readString(state().pidFile(service)).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that process {@code pid} has exited, allowing a moment for it to be reaped. */
    static void assertGone(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("process " + pid + " is still running", e);
            }
        });
    }

    /** Stops whatever a failed test left running. */
    @Override
    public void close() {
        ponte("down");
    }
}
