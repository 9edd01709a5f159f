package io.ponte.cli;

import io.ponte.cli.stack.LogTail;
import io.ponte.cli.stack.StackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = {
            "Prints a service's log.",
            "Prints a service's log: its stdout and stderr since it was last started "
                    + "(the run before is in the .log.1 file next to it)."
        })
final class LogsCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(250);

    @ParentCommand
    Ponte ponte;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service whose log to print.")
    String name;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing what the service writes, until Ctrl-C.")
    boolean follow;

    @Option(
            names = {"-n", "--lines"},
            paramLabel = "N",
            description = "Print only the last N lines.")
    Integer lines;

    @Override
    public Integer call() throws InterruptedException {
        ponte.workspace().catalog().get(name);
        Path log = ponte.state().logFile(name);
        if (!Files.isRegularFile(log)) {
            throw StackException.failed("no log for " + name + " yet: " + log + " does not exist (ponte up starts it)");
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            long end;
            if (lines == null) {
                end = LogTail.printAll(log, out);
            } else {
                LogTail.Tail tail = LogTail.tail(log, lines);
                tail.lines().forEach(out::println);
                out.flush();
                end = tail.end();
            }
            if (follow) {
                LogTail.follow(log, end, out, () -> !Thread.currentThread().isInterrupted(), POLL);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
