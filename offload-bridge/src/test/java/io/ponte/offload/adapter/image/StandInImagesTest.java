package io.ponte.offload.adapter.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.offload.adapter.runtime.BubblewrapRuntime;
import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ResolvedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in stand-ins over the real rootfs of {@code scripts/rootfs.sh}, run with bubblewrap the
 * way vk-test-set template 095 uses the images (no command, args only, command only).
 */
class StandInImagesTest {
    @TempDir
    Path dir;

    private final ConfiguredImageCatalog catalog = new ConfiguredImageCatalog(new ImageCatalogConfig(
            List.of(), true, StandInRootfs.ensureBuilt().getParent().getParent(), Optional.empty(), false));

    private String run(String reference, List<String> command, List<String> args) throws Exception {
        ResolvedImage image = catalog.resolve(reference, "bubblewrap").orElseThrow();
        ContainerLaunch launch = new ContainerLaunch(
                "stand-in",
                "c",
                image,
                command,
                args,
                List.of(),
                List.of(),
                Optional.empty(),
                List.of(),
                Files.createTempDirectory(dir, "scratch"));
        String line = new BubblewrapRuntime(BubblewrapRuntime.Options.defaults()).commandLine(launch);
        Process p = new ProcessBuilder("/bin/sh", "-c", line)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void busybox_and_alpine_without_command_run_their_shell_and_exit() throws Exception {
        assertThat(run("busybox:1.36", List.of(), List.of())).isEmpty();
        assertThat(run("alpine:3.19", List.of(), List.of())).isEmpty();
    }

    @Test
    void busybox_args_replace_its_cmd() throws Exception {
        assertThat(run(
                        "busybox:1.36",
                        List.of(),
                        List.of("sh", "-c", "echo 'Args only test passed'; wget --help 2>&1 | head -c 7")))
                .startsWith("Args only test passed\n");
    }

    @Test
    void python_reports_python_3_11_and_nginx_its_version() throws Exception {
        assertThat(run(
                        "python:3.11-alpine",
                        List.of(),
                        List.of("python3", "-c", "import sys; print(f'Python {sys.version}')")))
                .startsWith("Python 3.11");
        assertThat(run(
                        "python:alpine",
                        List.of("python", "-c", "import http.server, urllib.request; print('ok')"),
                        List.of()))
                .isEqualTo("ok\n");
        assertThat(run("nginx:alpine", List.of("nginx"), List.of("-v"))).contains("nginx version");
    }
}
