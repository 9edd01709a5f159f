package io.ponte.bench.rag;

import io.ponte.bench.common.Cpu;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rag service JVM started by the harness: {@code java <flags> -D<properties> -jar quarkus-run.jar} on a free
 * loopback port, optionally pinned to CPUs with {@code taskset}, its output in a log file. Stopped with SIGTERM (then
 * SIGKILL after 15 s) by {@link #close()}, and by a shutdown hook if the harness itself is stopped.
 */
final class RagService implements AutoCloseable {

    /** The start-up ingestion's log line (StartupIngest). */
    private static final Pattern STARTUP_LINE = Pattern.compile("collection (\\S+): (\\d+) files \\((\\d+) new,"
            + " (\\d+) changed, (\\d+) unchanged, (\\d+) removed, (\\d+) failed\\) in (\\d+) ms");

    /** What the start-up ingestion logged for a collection. */
    record StartupIngest(
            String collection, int files, int added, int updated, int unchanged, int removed, long millis) {}

    /** How a service is started: which JVM flags and {@code -D} properties, pinned to which CPUs. */
    record Launch(Path java, Path jar, List<String> jvmFlags, Map<String, String> properties, Optional<String> cpus) {}

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final List<String> command;
    private final Thread reaper;

    private RagService(String name, Process process, Path log, int port, List<String> command) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.command = command;
        this.reaper = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    static RagService start(String name, Launch launch, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        launch.cpus().ifPresent(cpus -> command.addAll(List.of("taskset", "-c", cpus)));
        command.add(launch.java().toString());
        command.addAll(launch.jvmFlags());
        launch.properties().forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.addAll(List.of("-jar", launch.jar().toString()));
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new RagService(name, p, log, port, List.copyOf(command));
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The command line, as started. */
    List<String> command() {
        return command;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** CPU milliseconds the service has spent since it started. */
    double cpuMsSoFar() {
        return Cpu.processCpuMs(pid());
    }

    /** The start-up ingestion's report for {@code collection}, once the line is in the log. */
    Optional<StartupIngest> startupIngest(String collection) throws IOException {
        Matcher m = STARTUP_LINE.matcher(Files.readString(log));
        while (m.find()) {
            if (m.group(1).equals(collection)) {
                return Optional.of(new StartupIngest(
                        collection,
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)),
                        Integer.parseInt(m.group(6)),
                        Long.parseLong(m.group(8))));
            }
        }
        return Optional.empty();
    }

    /**
     * Waits until {@code /q/health/ready} answers 200; for a start with a start-up ingestion of {@code startupOf},
     * also reads that ingestion's report from the log.
     *
     * @param repo the repository the command line's paths are written relative to
     */
    ServiceRun.Start awaitReady(RagApi api, Optional<String> startupOf, Path repo) throws Exception {
        var cpu = new Cpu(
                Map.of("service", pid(), "harness", ProcessHandle.current().pid()));
        var before = cpu.snapshot();
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(20).toNanos();
        while (!api.ready()) {
            if (!alive()) {
                throw new IllegalStateException(name + " service exited during start-up; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " service not ready after 20 min; see " + log);
            }
            Thread.sleep(500);
        }
        double readyMs = (System.nanoTime() - start) / 1e6;
        Cpu.Use use = Cpu.between(before, cpu.snapshot());
        Optional<StartupIngest> startup = Optional.empty();
        if (startupOf.isPresent()) {
            startup = startupIngest(startupOf.get());
            if (startup.isEmpty()) {
                throw new IllegalStateException("no start-up ingestion line for " + startupOf.get() + " in " + log);
            }
        }
        RagBench.log(
                "%s service pid %d ready in %.1f s%s",
                name,
                pid(),
                readyMs / 1000,
                startup.map(s -> "; start-up ingest of %d files (%d new, %d unchanged) in %,d ms"
                                .formatted(s.files(), s.added(), s.unchanged(), s.millis()))
                        .orElse(""));
        return new ServiceRun.Start(name, commandLine(repo), readyMs, startup, use);
    }

    /** The command line with the JDK as {@code java} and paths relative to the repository, for the report. */
    String commandLine(Path repo) {
        String root = repo.toAbsolutePath().normalize() + "/";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return String.join(" ", command).replace(java, "java").replace(root, "");
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs stop() again, which is harmless
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback port nobody listens on now (a small race with other programs is accepted). */
    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
