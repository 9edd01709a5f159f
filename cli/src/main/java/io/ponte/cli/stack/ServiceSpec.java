package io.ponte.cli.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One service of the standalone stack: what builds it, how it is launched, where it listens.
 *
 * @param name the name used on the command line and in the state directory's file names
 * @param module the reactor module that builds it, relative to the repository root; empty when
 *     nothing has to be built (test programs)
 * @param buildInputs further module directories whose main sources it is built from, e.g. the
 *     shared wire types in {@code api}; a change there makes the service stale too
 * @param launch the program its JVM runs
 * @param defaultPort the HTTP port when neither {@code --port-NAME} nor {@code portVariable} is set
 * @param portVariable the environment variable that overrides the default port
 * @param apiPath the path of its API, printed with its URL after start-up
 * @param readyPath the readiness endpoint polled after start-up and by {@code status}
 * @param jvmOptions JVM options put before the system properties
 * @param properties system properties: the stack's embedded defaults for this service; {@value #ROOT} in a value
 *     stands for the repository root
 * @param environment variables added to the environment it inherits from {@code ponte}
 */
public record ServiceSpec(
        String name,
        Optional<String> module,
        List<String> buildInputs,
        Launch launch,
        int defaultPort,
        String portVariable,
        String apiPath,
        String readyPath,
        List<String> jvmOptions,
        Map<String, String> properties,
        Map<String, String> environment) {

    /** Stands for the repository root in {@link #properties()} values. */
    public static final String ROOT = "{root}";

    /** SmallRye Health's readiness endpoint, served by every Quarkus service. */
    public static final String QUARKUS_READY_PATH = "/q/health/ready";

    public ServiceSpec {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("service names are lower-case words joined by '-': " + name);
        }
        buildInputs = List.copyOf(buildInputs);
        jvmOptions = List.copyOf(jvmOptions);
        properties = Map.copyOf(properties);
        environment = Map.copyOf(environment);
    }

    /**
     * A Quarkus service whose module has the service's name and packages a fast-jar; no extra JVM
     * options, properties or environment.
     */
    public static ServiceSpec quarkusApp(
            String name, int defaultPort, String portVariable, String apiPath, List<String> buildInputs) {
        Path jar = Path.of(name, "target", "quarkus-app", "quarkus-run.jar");
        return new ServiceSpec(
                name,
                Optional.of(name),
                buildInputs,
                new Launch.Jar(jar),
                defaultPort,
                portVariable,
                apiPath,
                QUARKUS_READY_PATH,
                List.of(),
                Map.of(),
                Map.of());
    }

    /** This service with {@code more} system properties added to its embedded defaults. */
    public ServiceSpec withProperties(Map<String, String> more) {
        var merged = new java.util.HashMap<>(properties);
        merged.putAll(more);
        return new ServiceSpec(
                name,
                module,
                buildInputs,
                launch,
                defaultPort,
                portVariable,
                apiPath,
                readyPath,
                jvmOptions,
                merged,
                environment);
    }

    /** The port from {@code portVariable} in {@code env}, else the default. */
    public int port(Map<String, String> env) {
        String value = env.get(portVariable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        return PortCheck.parse(value.strip(), portVariable + " (port of " + name + ")");
    }

    /**
     * The command line that starts the service: {@code java}, the JVM options, the embedded
     * defaults, {@code quarkus.http.port}, {@code quarkus.config.locations} when a config file is
     * given, then the program.
     */
    public List<String> command(Path java, Path root, int port, Optional<Path> configFile) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        new TreeMap<>(properties)
                .forEach((key, value) -> command.add("-D" + key + "=" + value.replace(ROOT, root.toString())));
        command.add("-Dquarkus.http.port=" + port);
        configFile.ifPresent(file -> command.add("-Dquarkus.config.locations=" + file));
        command.addAll(launch.programArguments(root));
        return command;
    }
}
