package io.ponte.cli;

import io.ponte.cli.stack.ProcessSupervisor;
import io.ponte.cli.stack.StackLauncher.Started;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * {@code ponte up --foreground} after start-up: waits while the services run. Ctrl-C or SIGTERM
 * ends the JVM, whose shutdown hook stops them; when one of them exits by itself, the others are
 * stopped and the command fails.
 */
final class Attached {
    private final ProcessSupervisor supervisor;
    private final List<Started> started;
    private final BooleanSupplier stopping;
    private final PrintWriter out;
    private final PrintWriter err;

    Attached(
            ProcessSupervisor supervisor,
            List<Started> started,
            BooleanSupplier stopping,
            PrintWriter out,
            PrintWriter err) {
        this.supervisor = supervisor;
        this.started = started;
        this.stopping = stopping;
        this.out = out;
        this.err = err;
    }

    int await() {
        String names = started.stream().map(s -> s.service().name()).collect(Collectors.joining(", "));
        out.println("Staying attached: Ctrl-C stops " + names + ".");
        out.flush();
        CompletableFuture.anyOf(started.stream().map(s -> s.process().onExit()).toArray(CompletableFuture[]::new))
                .join();
        if (stopping.getAsBoolean()) {
            return 0; // Ctrl-C or SIGTERM: the shutdown hook is stopping them
        }
        for (Started one : started) {
            if (!one.process().isAlive()) {
                err.printf(
                        "ponte: %s exited (exit code %d); its log is %s%n",
                        one.service().name(),
                        one.process().exitValue(),
                        Ponte.display(supervisor.state().logFile(one.service().name())));
            }
        }
        err.println("ponte: stopping the others.");
        err.flush();
        for (Started one : started.reversed()) {
            supervisor.stop(one.service());
        }
        return 1;
    }
}
