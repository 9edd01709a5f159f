package io.ponte.pipelines.adapter.local;

import io.ponte.pipelines.adapter.local.LocalRuntime.ResolvedImage;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs tasks as processes on this host, through one of three runtimes chosen by the image catalog:
 * {@code subprocess} (the image is not used), {@code bubblewrap} (a local rootfs directory) or
 * {@code podman} (a local image tag).
 *
 * <p>Each attempt runs as {@code setsid sh -c WRAPPER …}: in its own session and process group
 * (cancel and deadlines signal the whole tree), with stdout and stderr appended straight to the
 * attempt's log file (so output survives a runner restart), and the wrapper writes the command's
 * exit status to {@code .ponte-exit-code} in the work directory. The reference is {@code
 * local:PID:STARTTIME}; {@code .ponte-ref} in the work directory holds it with the start time, so
 * a restarted runner re-attaches to the same process (not to another that reused the pid) and
 * reads its exit status from the file.
 */
public final class LocalExecutor implements TaskExecutor, AutoCloseable {
    static final String REF_FILE = ".ponte-ref";

    private final LocalExecutorConfig config;
    private final ImageCatalog catalog;
    private final Map<String, LocalRuntime> runtimes;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "local-executor-timers");
        t.setDaemon(true);
        return t;
    });

    public LocalExecutor(LocalExecutorConfig config) {
        this(config, System.getenv());
    }

    LocalExecutor(LocalExecutorConfig config, Map<String, String> hostEnv) {
        this.config = config;
        this.catalog = new ImageCatalog(config.defaultRuntime(), config.images());
        this.runtimes = Map.of(
                ImageCatalog.SUBPROCESS, new SubprocessRuntime(config.inheritEnv(), hostEnv),
                ImageCatalog.BUBBLEWRAP, new BubblewrapRuntime(config.bubblewrapCommand()),
                ImageCatalog.PODMAN,
                        new PodmanRuntime(
                                config.podmanCommand(),
                                config.podmanGlobalOptions().orElse(List.of()),
                                config.podmanOptions(),
                                hostEnv));
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public TaskHandle start(TaskLaunch launch) throws ExecutorException {
        ResolvedImage image = catalog.resolve(launch.image());
        LocalRuntime runtime = runtime(image);
        String container = containerName(launch);
        List<String> argv = runtime.argv(launch, image, container);
        ExitFile exitFile = ExitFile.in(launch.workDir());
        Process process;
        Instant startedAt;
        try {
            Files.createDirectories(launch.workDir());
            Files.createDirectories(launch.logFile().toAbsolutePath().getParent());
            exitFile.clear();
            Files.writeString(
                    launch.logFile(),
                    runtime.banner(launch, image) + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            List<String> command = new ArrayList<>();
            command.add("setsid");
            command.addAll(exitFile.wrap("sh", argv));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(launch.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.appendTo(launch.logFile().toFile()))
                    .redirectInput(Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(runtime.environment(launch));
            startedAt = Instant.now();
            process = builder.start();
        } catch (IOException e) {
            throw new ExecutorException(
                    "task " + launch.taskPath() + ": could not start the " + runtime.name() + " runtime: "
                            + e.getMessage(),
                    false,
                    e);
        }
        ProcessRef ref = ProcessRef.of(process.pid()).orElse(new ProcessRef(process.pid(), -1));
        try {
            Files.writeString(
                    launch.workDir().resolve(REF_FILE), ref.format() + "\n" + startedAt.toEpochMilli() + "\n");
        } catch (IOException e) {
            process.destroyForcibly();
            throw new ExecutorException("task " + launch.taskPath() + ": cannot record the attempt: " + e, false, e);
        }
        return new LocalHandle(
                        ref,
                        exitFile,
                        startedAt,
                        timers,
                        config.killGrace(),
                        runtime.stop(container, config.killGrace()))
                .follow(process)
                .deadline(launch.timeout());
    }

    @Override
    public Optional<TaskHandle> reattach(TaskLaunch launch, String ref) throws ExecutorException {
        Optional<ProcessRef> process = ProcessRef.parse(ref);
        List<String> recorded;
        try {
            recorded = Files.readAllLines(launch.workDir().resolve(REF_FILE));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (process.isEmpty() || recorded.size() < 2 || !recorded.get(0).equals(ref)) {
            return Optional.empty();
        }
        Instant startedAt = Instant.ofEpochMilli(Long.parseLong(recorded.get(1)));
        Optional<List<String>> stop = catalog.resolveQuietly(launch.image())
                .map(this::runtimeOrNull)
                .flatMap(r -> r.stop(containerName(launch), config.killGrace()));
        return Optional.of(new LocalHandle(
                        process.get(), ExitFile.in(launch.workDir()), startedAt, timers, config.killGrace(), stop)
                .poll(config.pollInterval())
                .deadline(launch.timeout()));
    }

    private LocalRuntime runtime(ResolvedImage image) throws ExecutorException {
        LocalRuntime runtime = runtimes.get(image.runtime());
        if (runtime == null) {
            throw new ExecutorException(
                    "image " + image.reference() + " names runtime '" + image.runtime()
                            + "'; the local executor knows subprocess, bubblewrap and podman",
                    false);
        }
        return runtime;
    }

    private LocalRuntime runtimeOrNull(ResolvedImage image) {
        return runtimes.get(image.runtime());
    }

    /** A container name unique per attempt (podman), stable across restarts. */
    static String containerName(TaskLaunch launch) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((launch.runId() + "\n" + launch.taskPath() + "\n" + launch.attempt())
                            .getBytes(StandardCharsets.UTF_8));
            return "ponte-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
