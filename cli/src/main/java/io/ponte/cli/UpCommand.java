package io.ponte.cli;

import io.ponte.cli.stack.HealthProbe;
import io.ponte.cli.stack.HealthWaiter;
import io.ponte.cli.stack.PortCheck;
import io.ponte.cli.stack.ProcessSupervisor;
import io.ponte.cli.stack.RunRecord;
import io.ponte.cli.stack.ServiceSpec;
import io.ponte.cli.stack.StackLauncher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Starts services and waits until they are ready.",
            "Starts the stack's services (all of them when none is named), waits until each is ready "
                    + "and prints their URLs. Services already running are left alone; services whose "
                    + "build is missing or older than their sources are built first.",
            "Nothing starts when a port is taken; when a service fails to become ready, those started "
                    + "with it are stopped again."
        })
final class UpCommand implements Callable<Integer> {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @ParentCommand
    Ponte ponte;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to start (default: all).")
    List<String> names = new ArrayList<>();

    @Option(
            names = "--foreground",
            description = "Stay attached after start-up; Ctrl-C or SIGTERM stops the services this command started.")
    boolean foreground;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "90",
            description = "How long each service may take to become ready (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--no-build", description = "Start what is built, even when its sources are newer.")
    boolean noBuild;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProcessSupervisor supervisor = ponte.supervisor();
        List<ServiceSpec> selected = ponte.workspace().catalog().select(names);
        Map<ServiceSpec, Integer> toStart = new LinkedHashMap<>();
        for (ServiceSpec service : selected) {
            Optional<RunRecord> running = supervisor.running(service);
            running.ifPresentOrElse(
                    r -> out.printf("%s  already running (pid %d, port %d)%n", service.name(), r.pid(), r.port()),
                    () -> toStart.put(service, port(service)));
        }
        StackLauncher launcher = new StackLauncher(supervisor, new HealthWaiter(new HealthProbe(PROBE_TIMEOUT)));
        List<StackLauncher.Started> started = toStart.isEmpty() ? List.of() : start(launcher, toStart, out);
        for (ServiceSpec service : selected) {
            supervisor.running(service).ifPresent(r -> out.println(Urls.line(service, r.port(), width(selected))));
        }
        if (foreground && !started.isEmpty()) {
            return new Attached(
                            supervisor,
                            started,
                            launcher::isStopping,
                            out,
                            spec.commandLine().getErr())
                    .await();
        }
        out.println(started.isEmpty() ? "Nothing to start." : "Stop with: ponte down");
        return 0;
    }

    private List<StackLauncher.Started> start(
            StackLauncher launcher, Map<ServiceSpec, Integer> toStart, PrintWriter out) {
        new Preflight(ponte.workspace().root(), out).check(toStart, !noBuild);
        Thread stopOnExit = new Thread(() -> stopAll(launcher, out), "ponte-stop-services");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        List<StackLauncher.Started> started;
        try {
            started = launcher.start(toStart, Duration.ofSeconds(timeoutSeconds), new Progress(out));
        } catch (RuntimeException e) {
            removeHook(stopOnExit); // the launcher has already stopped what it started
            throw e;
        }
        if (!foreground) {
            removeHook(stopOnExit); // detached: the services outlive this command
        }
        return started;
    }

    private static void stopAll(StackLauncher launcher, PrintWriter out) {
        List<String> stopped = launcher.stopAll();
        if (!stopped.isEmpty()) {
            out.println("Stopped " + String.join(", ", stopped) + ".");
            out.flush();
        }
    }

    private int port(ServiceSpec service) {
        String option = spec.findOption("--port-" + service.name()).getValue();
        return option == null
                ? service.port(ponte.workspace().env())
                : PortCheck.parse(option, "--port-" + service.name());
    }

    private static int width(List<ServiceSpec> services) {
        return services.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and the hook is running: let it finish
        }
    }

    private record Progress(PrintWriter out) implements StackLauncher.Listener {
        @Override
        public void starting(ServiceSpec service, int port, Path log) {
            out.printf("%s  starting on port %d (log %s)%n", service.name(), port, Ponte.display(log));
            out.flush();
        }

        @Override
        public void ready(StackLauncher.Started started) {
            out.printf(
                    "%s  ready after %.1f s (pid %d)%n",
                    started.service().name(),
                    started.startup().toMillis() / 1000.0,
                    started.process().pid());
            out.flush();
        }
    }
}
