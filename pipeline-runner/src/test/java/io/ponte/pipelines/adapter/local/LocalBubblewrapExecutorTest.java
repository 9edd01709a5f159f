package io.ponte.pipelines.adapter.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.adapter.TaskExecutorContractTest;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskLaunch;
import io.ponte.pipelines.spi.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on the bubblewrap runtime over a real (tiny) rootfs built by the test. Skipped,
 * saying so, where {@code bwrap} is not installed ({@code apt-get install bubblewrap}).
 */
class LocalBubblewrapExecutorTest extends TaskExecutorContractTest {
    static final String IMAGE = "docker.io/library/busybox:1.36";

    @TempDir
    static Path images;

    static Path rootfs;

    private LocalExecutor executor;
    private LocalExecutor restarted;

    @BeforeAll
    static void rootfs() throws Exception {
        Assumptions.assumeTrue(
                Tools.onPath("bwrap"), "bubblewrap (bwrap) is not installed here: bubblewrap runtime tests skipped");
        rootfs = TinyRootfs.build(images.resolve("busybox-rootfs"));
    }

    private LocalExecutor build() {
        return new LocalExecutor(LocalConfigs.of(Map.of(
                "default-runtime",
                "bubblewrap",
                "images.\"" + IMAGE + "\".runtime",
                "bubblewrap",
                "images.\"" + IMAGE + "\".location",
                rootfs.toString(),
                "images.\"" + IMAGE + "\".stand-in",
                "host binaries standing in for busybox")));
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
        return Launches.withImage(valid, "registry.example/never-mapped:2");
    }

    @Override
    protected String unstartableMentions(TaskLaunch unstartable) {
        return "image 'registry.example/never-mapped:2' is not in the local image catalog";
    }

    @Test
    void the_task_sees_the_rootfs_and_not_the_host() throws Exception {
        TaskLaunch launch =
                shell("cat /etc/ponte-image; test -e /etc/os-release || echo no-host-os-release", List.of(), Map.of());

        TaskResult result = finish(executor().start(launch));

        assertThat(result.exitCode()).isZero();
        List<String> log = Files.readAllLines(launch.logFile());
        assertThat(log.get(0)).contains("bubblewrap runtime", IMAGE, "local stand-in");
        assertThat(log).contains(TinyRootfs.MARKER, "no-host-os-release");
    }

    @Test
    void mounts_bind_host_directories_at_their_container_paths() throws Exception {
        TaskLaunch base = shell(
                "echo '{\"parameters\":{}}' > /tmp/kfp_outputs/output_metadata.json; cat /inputs/data.txt",
                List.of(),
                Map.of());
        Path outputs = Files.createDirectories(tmp.resolve("kfp_outputs"));
        Path inputs = Files.createDirectories(tmp.resolve("inputs"));
        Files.writeString(inputs.resolve("data.txt"), "input-bytes\n");
        TaskLaunch launch = Launches.withMounts(
                base,
                List.of(
                        new TaskLaunch.Mount(outputs, "/tmp/kfp_outputs", false),
                        new TaskLaunch.Mount(inputs, "/inputs", true)));

        TaskResult result = finish(executor().start(launch));

        assertThat(result.exitCode()).isZero();
        assertThat(outputs.resolve("output_metadata.json")).hasContent("{\"parameters\":{}}");
        assertThat(Files.readAllLines(launch.logFile())).contains("input-bytes");
    }

    @Test
    void a_read_only_mount_cannot_be_written() throws Exception {
        Path inputs = Files.createDirectories(tmp.resolve("ro-inputs"));
        TaskLaunch launch = Launches.withMounts(
                shell("echo x > /inputs/new.txt", List.of(), Map.of()),
                List.of(new TaskLaunch.Mount(inputs, "/inputs", true)));

        TaskResult result = finish(executor().start(launch));

        assertThat(result.exitCode()).isNotZero();
        assertThat(inputs.resolve("new.txt")).doesNotExist();
    }

    @Test
    void a_work_directory_under_a_rootfs_directory_is_still_bound() throws Exception {
        // /bin exists in the rootfs (read-only): a mount point below it needs the tmpfs split.
        Path host = Files.createDirectories(tmp.resolve("tools"));
        Files.writeString(host.resolve("hello.txt"), "from-host\n");
        TaskLaunch launch = Launches.withMounts(
                shell("cat /bin/extra/hello.txt; sleep 0", List.of(), Map.of()),
                List.of(new TaskLaunch.Mount(host, "/bin/extra", true)));

        TaskResult result = finish(executor().start(launch));

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readAllLines(launch.logFile())).contains("from-host");
    }
}
