package io.ponte.offload.adapter.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerLaunch.Mount;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ResolvedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ContainerRuntime} must do, checked by really running its command line through
 * {@code /bin/sh -c}, as the job script does.
 */
abstract class ContainerRuntimeContract {
    /** Words a shell would mangle if anything on the way were not quoted. */
    static final List<String> TRICKY = List.of(
            "plain",
            "",
            "it's",
            "say \"hi\"",
            "back\\slash \\n \\\\",
            "`id`",
            "$HOME ${PATH} $(id) $$",
            "line one\nline two\n",
            "tab\there",
            "ünïcödé ✓ 日本語 🚀",
            "  spaced  ",
            "*",
            "--flag",
            "-",
            "a=b",
            "'",
            "\\",
            "; exit 3 #",
            "| cat > /tmp/x &");

    @TempDir
    Path dir;

    protected abstract ContainerRuntime runtime();

    /** An image for this runtime with the given ENTRYPOINT, CMD and ENV metadata. */
    protected abstract ResolvedImage image(List<String> entrypoint, List<String> cmd, Map<String, String> env);

    /** Whether volume mounts reach the container. */
    protected abstract boolean honoursMounts();

    record Ran(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    ContainerLaunch launch(
            ResolvedImage image,
            List<String> command,
            List<String> args,
            List<Map.Entry<String, String>> env,
            List<Mount> mounts,
            Optional<String> workingDir)
            throws IOException {
        Path scratch = Files.createDirectories(dir.resolve("scratch-" + UUID.randomUUID()));
        return new ContainerLaunch(
                "contract-pod", "main", image, command, args, env, mounts, workingDir, List.of(), scratch);
    }

    ContainerLaunch launch(List<String> command, List<String> args) throws IOException {
        return launch(image(List.of(), List.of(), Map.of()), command, args, List.of(), List.of(), Optional.empty());
    }

    Ran run(ContainerLaunch launch) throws IOException, InterruptedException {
        String line = runtime().commandLine(launch);
        Path out = dir.resolve("out-" + UUID.randomUUID());
        Path err = dir.resolve("err-" + UUID.randomUUID());
        Process p = new ProcessBuilder("/bin/sh", "-c", line)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the container did not finish in 60 s: " + line);
        }
        return new Ran(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
    }

    static byte[] nulJoined(List<String> words) {
        StringBuilder b = new StringBuilder();
        words.forEach(w -> b.append(w).append('\0'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void arguments_reach_the_container_byte_for_byte() throws Exception {
        List<String> args = new ArrayList<>(List.of("printf '%s\\0' \"$@\"", "sh"));
        args.addAll(TRICKY);

        Ran ran = run(launch(List.of("sh", "-c"), args));

        assertThat(ran.exitCode()).as(ran.stderr()).isZero();
        assertThat(ran.stdout()).isEqualTo(nulJoined(TRICKY));
    }

    @Test
    void env_values_reach_the_container_byte_for_byte_and_empty_ones_are_set() throws Exception {
        List<Map.Entry<String, String>> env = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < TRICKY.size(); i++) {
            env.add(Map.entry("V" + i, TRICKY.get(i)));
            script.append("printf '%s\\0' \"${V").append(i).append("-UNSET}\"; ");
        }
        ContainerLaunch launch = launch(
                image(List.of(), List.of(), Map.of()),
                List.of("sh", "-c", script.toString()),
                List.of(),
                env,
                List.of(),
                Optional.empty());

        Ran ran = run(launch);

        assertThat(ran.exitCode()).as(ran.stderr()).isZero();
        assertThat(ran.stdout()).isEqualTo(nulJoined(TRICKY));
    }

    @Test
    void the_container_env_overrides_the_image_env_and_later_duplicates_win() throws Exception {
        ResolvedImage image = image(List.of(), List.of(), Map.of("FROM_IMAGE", "image", "BOTH", "image"));
        ContainerLaunch launch = launch(
                image,
                List.of("sh", "-c", "echo \"$FROM_IMAGE/$BOTH/$TWICE\""),
                List.of(),
                List.of(Map.entry("BOTH", "container"), Map.entry("TWICE", "first"), Map.entry("TWICE", "second")),
                List.of(),
                Optional.empty());

        assertThat(run(launch).out()).isEqualTo("image/container/second\n");
    }

    @Test
    void only_the_given_environment_reaches_the_container() throws Exception {
        Ran ran = run(launch(List.of("sh", "-c", "env"), List.of()));

        assertThat(ran.out())
                .doesNotContain("JAVA_HOME=")
                .doesNotContain("MAVEN")
                .contains("PATH=");
    }

    @Test
    void the_exit_code_of_the_container_is_the_exit_code_of_the_command_line() throws Exception {
        assertThat(run(launch(List.of("sh", "-c", "exit 42"), List.of())).exitCode())
                .isEqualTo(42);
        // Docker and podman say 127, bwrap 1: any failure, with a message naming the command.
        Ran missing = run(launch(List.of("nonexistent-command-ponte"), List.of()));
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("nonexistent-command-ponte");
    }

    @Test
    void without_command_or_args_the_image_entrypoint_runs_its_cmd() throws Exception {
        ResolvedImage image = image(List.of("sh", "-c"), List.of("echo from-image-cmd \"$0\"", "zero"), Map.of());
        ContainerLaunch launch = launch(image, List.of(), List.of(), List.of(), List.of(), Optional.empty());

        assertThat(run(launch).out()).isEqualTo("from-image-cmd zero\n");
    }

    @Test
    void args_replace_the_image_cmd_but_keep_its_entrypoint() throws Exception {
        ResolvedImage image = image(List.of("sh", "-c"), List.of("echo from-image-cmd"), Map.of());
        ContainerLaunch launch =
                launch(image, List.of(), List.of("echo from-args"), List.of(), List.of(), Optional.empty());

        assertThat(run(launch).out()).isEqualTo("from-args\n");
    }

    @Test
    void command_replaces_the_image_entrypoint_and_drops_its_cmd() throws Exception {
        ResolvedImage image = image(List.of("sh", "-c"), List.of("echo from-image-cmd"), Map.of());
        ContainerLaunch launch = launch(image, List.of("echo"), List.of(), List.of(), List.of(), Optional.empty());

        assertThat(run(launch).out()).isEqualTo("\n");
    }

    @Test
    void the_working_directory_is_the_containers() throws Exception {
        ContainerLaunch launch = launch(
                image(List.of(), List.of(), Map.of()),
                List.of("pwd"),
                List.of(),
                List.of(),
                List.of(),
                Optional.of("/tmp"));

        assertThat(run(launch).out()).isEqualTo("/tmp\n");
    }

    @Test
    void a_read_only_mount_refuses_writes_and_a_writable_one_reaches_the_host() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.writeString(ro.resolve("given.txt"), "from the host\n");
        Path rw = Files.createDirectories(dir.resolve("rw"));
        String roPath = "/ponte-ro-" + UUID.randomUUID();
        String rwPath = "/ponte-rw-" + UUID.randomUUID();
        String script = "cat " + roPath + "/given.txt; "
                + "if echo x > " + roPath + "/new.txt; then echo ro-writable; else echo ro-refused; fi; "
                + "echo written > " + rwPath + "/out.txt && echo rw-ok";
        ContainerLaunch launch = launch(
                image(List.of(), List.of(), Map.of()),
                List.of("sh", "-c", script),
                List.of(),
                List.of(),
                List.of(new Mount(ro, roPath, true), new Mount(rw, rwPath, false)),
                Optional.empty());

        Ran ran = run(launch);

        if (honoursMounts()) {
            assertThat(ran.out()).isEqualTo("from the host\nro-refused\nrw-ok\n");
            assertThat(ro.resolve("new.txt")).doesNotExist();
            assertThat(rw.resolve("out.txt")).hasContent("written");
        } else {
            // The runtime rewrites nothing: the container path does not exist on the host.
            assertThat(ran.out()).doesNotContain("from the host").doesNotContain("rw-ok");
            assertThat(rw.resolve("out.txt")).doesNotExist();
        }
    }
}
