package io.ponte.pipelines.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.adapter.TaskExecutorContractTest;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on the podman runtime. Runs only where podman is installed (with runc; see
 * LOCAL-INFRA), and skips saying so otherwise. The test imports its tiny rootfs as a tag into a
 * private podman store under a temporary directory, so the host's store is not touched.
 */
class LocalPodmanExecutorTest extends TaskExecutorContractTest {
    static final String IMAGE = "docker.io/library/alpine:3.20";
    static final String TAG = "localhost/ponte-tiny:test";

    @TempDir
    static Path store;

    static List<String> global;

    private LocalExecutor executor;
    private LocalExecutor restarted;

    @BeforeAll
    static void importImage() throws Exception {
        Assumptions.assumeTrue(
                Tools.onPath("podman") && Tools.onPath("runc"),
                "podman (with runc) is not installed here: podman runtime tests skipped");
        global = List.of(
                "--root=" + store.resolve("root"),
                "--runroot=" + store.resolve("run"),
                "--runtime=runc",
                "--cgroup-manager=cgroupfs",
                "--events-backend=file");
        Path rootfs = TinyRootfs.build(store.resolve("rootfs"));
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(global);
        cmd.addAll(List.of("import", store.resolve("rootfs.tar").toString(), TAG));
        Process tar = new ProcessBuilder(
                        "tar",
                        "-C",
                        rootfs.toString(),
                        "-cf",
                        store.resolve("rootfs.tar").toString(),
                        ".")
                .inheritIO()
                .start();
        assertThat(tar.waitFor()).isZero();
        Process imp = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(imp.getInputStream().readAllBytes());
        assertThat(imp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeTrue(imp.exitValue() == 0, "podman cannot import an image here: " + out);
    }

    /** Removes the private store's containers and mounts, so the temporary directory can go. */
    @AfterAll
    static void removeStore() throws Exception {
        if (global == null) {
            return;
        }
        List<String> rm = new ArrayList<>(List.of("podman"));
        rm.addAll(global);
        rm.addAll(List.of("rm", "--all", "--force", "--time", "0"));
        new ProcessBuilder(rm).redirectErrorStream(true).start().waitFor(60, TimeUnit.SECONDS);
        List<String> mounts = Files.readAllLines(Path.of("/proc/self/mounts")).stream()
                .map(l -> l.split(" ")[1])
                .filter(m -> m.startsWith(store.toString()))
                .sorted(Comparator.reverseOrder())
                .toList();
        for (String m : mounts) {
            new ProcessBuilder("umount", m).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private LocalExecutor build() {
        return new LocalExecutor(LocalConfigs.of(Map.of(
                "default-runtime",
                "podman",
                "podman-global-options",
                String.join(",", global),
                "podman-options",
                "--network=none,--ulimit=nofile=10000:10000,--ulimit=nproc=10000:10000",
                "images.\"" + IMAGE + "\".runtime",
                "podman",
                "images.\"" + IMAGE + "\".location",
                TAG)));
    }

    @AfterEach
    void close() {
        if (executor != null) {
            executor.close();
        }
        if (restarted != null) {
            restarted.close();
        }
    }

    @Override
    protected TaskExecutor executor() {
        if (executor == null) {
            executor = build();
        }
        return executor;
    }

    @Override
    protected TaskExecutor restarted() {
        restarted = build();
        return restarted;
    }

    @Override
    protected String image() {
        return IMAGE;
    }

    @Override
    protected TaskLaunch unstartable(TaskLaunch valid) {
        return Launches.withImage(valid, "registry.example/not-here:3");
    }

    @Override
    protected String unstartableMentions(TaskLaunch unstartable) {
        return "registry.example/not-here:3";
    }

    @Test
    void the_task_runs_in_the_image_with_its_mounts() throws Exception {
        Path outputs = Files.createDirectories(tmp.resolve("kfp_outputs"));
        TaskLaunch launch = Launches.withMounts(
                shell("cat /etc/ponte-image; echo out > /tmp/kfp_outputs/x.txt", List.of(), Map.of()),
                List.of(new TaskLaunch.Mount(outputs, "/tmp/kfp_outputs", false)));

        TaskResult result = finish(executor().start(launch));

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readAllLines(launch.logFile())).contains(TinyRootfs.MARKER);
        assertThat(outputs.resolve("x.txt")).hasContent("out");
    }
}
