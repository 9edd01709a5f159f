package io.ponte.cli.stack;

import java.nio.file.Path;

/**
 * The state directory ({@code .ponte/} by default) and the files the stack keeps in it.
 *
 * @param path the directory itself, absolute
 */
public record StateDir(Path path) {

    public StateDir {
        path = path.toAbsolutePath().normalize();
    }

    /** The pid of the running service, alone on one line. */
    public Path pidFile(String service) {
        return path.resolve("run").resolve(service + ".pid");
    }

    /** Port and start time of the running service, next to its pid file. */
    public Path runFile(String service) {
        return path.resolve("run").resolve(service + ".properties");
    }

    /** The service's stdout and stderr; the previous run's log is kept as {@code .log.1}. */
    public Path logFile(String service) {
        return path.resolve("logs").resolve(service + ".log");
    }

    /** Optional Quarkus configuration for the service, passed as {@code quarkus.config.locations}. */
    public Path configFile(String service) {
        return path.resolve("config").resolve(service + ".properties");
    }

    /** The service's working directory, where embedded stores may keep their data. */
    public Path workDir(String service) {
        return path.resolve("data").resolve(service);
    }
}
