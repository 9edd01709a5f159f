package io.ponte.cli;

import io.ponte.cli.stack.HealthProbe;
import io.ponte.cli.stack.ProcessSupervisor;
import io.ponte.cli.stack.RunRecord;
import io.ponte.cli.stack.ServiceSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Shows what runs.",
            "Shows each service of the stack: running or stopped, pid, port, and its health "
                    + "(UP when its readiness endpoint answers 200 within a second, else DOWN)."
        })
final class StatusCommand implements Callable<Integer> {
    private static final String FORMAT = "%-{w}s  %-8s  %-8s  %-5s  %-6s  %s%n";

    @ParentCommand
    Ponte ponte;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", arity = "0..*", description = "Services to show (default: all).")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ProcessSupervisor supervisor = ponte.supervisor();
        HealthProbe probe = new HealthProbe(Duration.ofSeconds(1));
        List<ServiceSpec> services = ponte.workspace().catalog().select(names);
        int width = Math.max(
                "SERVICE".length(),
                services.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        String format = FORMAT.replace("{w}", Integer.toString(width));
        out.printf(format, "SERVICE", "STATE", "PID", "PORT", "HEALTH", "URL");
        for (ServiceSpec service : services) {
            Optional<RunRecord> running = supervisor.running(service);
            if (running.isPresent()) {
                RunRecord r = running.get();
                String health = probe.isReady(r.port(), service.readyPath()) ? "UP" : "DOWN";
                out.printf(format, service.name(), "running", r.pid(), r.port(), health, Urls.api(service, r.port()));
            } else {
                String state = supervisor.hasPidFile(service) ? "stopped*" : "stopped";
                int port = service.port(ponte.workspace().env());
                out.printf(format, service.name(), state, "-", port, "-", "-");
            }
        }
        if (services.stream().anyMatch(s -> supervisor.running(s).isEmpty() && supervisor.hasPidFile(s))) {
            out.println("* its pid file names a process that is gone; ponte down removes it");
        }
        return 0;
    }
}
