package io.ponte.cli;

import io.ponte.cli.stack.BuildCheck;
import io.ponte.cli.stack.MavenBuild;
import io.ponte.cli.stack.PortCheck;
import io.ponte.cli.stack.ServiceSpec;
import io.ponte.cli.stack.StackException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code ponte up} makes sure of before it starts anything: every port is free, and every
 * service is built and not older than its sources.
 */
final class Preflight {
    private final Path root;
    private final PrintWriter out;

    Preflight(Path root, PrintWriter out) {
        this.root = root;
        this.out = out;
    }

    /** Fails, starting nothing, unless each service can have its port and has a fresh build. */
    void check(Map<ServiceSpec, Integer> ports, boolean build) {
        checkPorts(ports);
        List<ServiceSpec> services = List.copyOf(ports.keySet());
        List<String> stale = build ? new BuildCheck(root).staleModules(services) : List.of();
        if (!stale.isEmpty()) {
            out.println("Building " + String.join(", ", stale) + " (missing or older than its sources)...");
            out.flush();
            new MavenBuild(root).packageModules(stale);
            checkPorts(ports); // the build took a while; look again
        }
        for (ServiceSpec service : services) {
            Path artifact = root.resolve(service.launch().artifact());
            if (!Files.exists(artifact)) {
                throw StackException.failed(service.name() + " is not built: " + artifact
                        + " is missing; run ./ponte build (or ponte up without --no-build)");
            }
        }
    }

    private static void checkPorts(Map<ServiceSpec, Integer> ports) {
        List<String> problems = PortCheck.problems(ports);
        if (!problems.isEmpty()) {
            throw StackException.failed(String.join("\nponte: ", problems) + "\nponte: nothing was started.");
        }
    }
}
