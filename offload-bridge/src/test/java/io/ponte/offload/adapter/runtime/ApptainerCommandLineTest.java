package io.ponte.offload.adapter.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerLaunch.Mount;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ResolvedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Apptainer and Singularity are not packaged here: their command lines are compared with golden
 * files under {@code src/test/resources/golden/runtime}, reviewed by hand against the Apptainer
 * 1.3 and SingularityCE 4 documentation. Run with {@code -Dponte.golden.update=true} to rewrite
 * them after a deliberate change, then review the diff.
 */
class ApptainerCommandLineTest {
    private static final Path POD = Path.of("/scratch/ponte/pods/default-0b7c4a1e");

    private static ResolvedImage sif() {
        return new ResolvedImage(
                "python:3.11-alpine",
                ResolvedImage.Kind.SIF,
                "/cvmfs/images/python_3.11.sif",
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.empty());
    }

    private static ResolvedImage uri(String location) {
        return new ResolvedImage(
                "busybox:1.36",
                ResolvedImage.Kind.URI,
                location,
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.empty());
    }

    private static ContainerLaunch launch(
            ResolvedImage image,
            List<String> command,
            List<String> args,
            List<Map.Entry<String, String>> env,
            List<Mount> mounts,
            Optional<String> workingDir,
            List<String> options) {
        return new ContainerLaunch(
                "test-pod",
                "main",
                image,
                command,
                args,
                env,
                mounts,
                workingDir,
                options,
                POD.resolve("scratch/main"));
    }

    private static void assertGolden(String name, String commandLine) throws IOException {
        String resource = "/golden/runtime/" + name + ".txt";
        if (Boolean.getBoolean("ponte.golden.update")) {
            Path file = Path.of("src/test/resources" + resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, commandLine + "\n");
        }
        try (InputStream in = ApptainerCommandLineTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file " + resource).isNotNull();
            assertThat(commandLine + "\n").isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void a_command_runs_with_exec_binds_env_and_the_pods_options() throws IOException {
        ContainerLaunch launch = launch(
                sif(),
                List.of("python3", "-c"),
                List.of("import os; print(os.environ['MSG'])", "it's \"quoted\" $HOME `id`\nsecond line"),
                List.of(Map.entry("MSG", "héllo, wörld"), Map.entry("EMPTY", ""), Map.entry("MULTI", "a\nb")),
                List.of(
                        new Mount(POD.resolve("volumes/config"), "/etc/config", true),
                        new Mount(POD.resolve("volumes/shared"), "/shared", false)),
                Optional.of("/work"),
                List.of("--nv", "--bind", "/cvmfs:/cvmfs:ro"));

        assertGolden("apptainer-exec", new ApptainerRuntime(ApptainerRuntime.defaults()).commandLine(launch));
    }

    @Test
    void without_a_command_the_image_runscript_gets_the_args() throws IOException {
        ContainerLaunch launch = launch(
                uri("docker://busybox:1.36"),
                List.of(),
                List.of("sh", "-c", "echo 'Args only test passed' && sleep 5"),
                List.of(),
                List.of(),
                Optional.empty(),
                List.of());

        assertGolden("apptainer-run-args", new ApptainerRuntime(ApptainerRuntime.defaults()).commandLine(launch));
    }

    @Test
    void without_command_or_args_the_image_runs_as_built() throws IOException {
        ContainerLaunch launch = launch(
                uri("docker://busybox:1.36"), List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of());

        assertGolden("apptainer-run-plain", new ApptainerRuntime(ApptainerRuntime.defaults()).commandLine(launch));
    }

    @Test
    void an_image_whose_entrypoint_the_catalog_describes_runs_with_exec() throws IOException {
        ResolvedImage described = new ResolvedImage(
                "python:alpine",
                ResolvedImage.Kind.ROOTFS,
                "/scratch/ponte/images/bookworm-standin/rootfs",
                List.of(),
                List.of("python3", "-V"),
                Optional.of("/"),
                Map.of("LANG", "C.UTF-8"),
                Optional.of("Debian stand-in"));
        ContainerLaunch launch =
                launch(described, List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of());

        assertGolden("apptainer-exec-described", new ApptainerRuntime(ApptainerRuntime.defaults()).commandLine(launch));
    }

    @Test
    void singularity_uses_its_own_command_and_env_prefix() throws IOException {
        ContainerLaunch launch = launch(
                uri("docker://python:3.11-alpine"),
                List.of("sh", "-c"),
                List.of("echo $A"),
                List.of(Map.entry("A", "1")),
                List.of(new Mount(POD.resolve("volumes/data"), "/data", true)),
                Optional.empty(),
                List.of("--containall"));
        ContainerRuntime singularity = new SingularityRuntime(SingularityRuntime.defaults());

        assertThat(singularity.name()).isEqualTo("singularity");
        assertGolden("singularity-exec", singularity.commandLine(launch));
    }

    @Test
    void a_path_the_bind_syntax_cannot_carry_is_refused() {
        ContainerLaunch launch = launch(
                sif(),
                List.of("true"),
                List.of(),
                List.of(),
                List.of(new Mount(POD.resolve("a:b"), "/data", false)),
                Optional.empty(),
                List.of());

        assertThatThrownBy(() -> new ApptainerRuntime(ApptainerRuntime.defaults()).commandLine(launch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a:b");
    }

    @Test
    void a_podman_tag_is_refused_with_a_reason() {
        ResolvedImage tag = new ResolvedImage(
                "x",
                ResolvedImage.Kind.PODMAN_TAG,
                "localhost/x",
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.empty());

        assertThatThrownBy(() -> new ApptainerRuntime(ApptainerRuntime.defaults())
                        .commandLine(launch(
                                tag, List.of("true"), List.of(), List.of(), List.of(), Optional.empty(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PODMAN_TAG");
    }
}
