package io.ponte.offload.adapter.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.offload.adapter.image.StandInRootfs;
import io.ponte.offload.spi.ContainerLaunch;
import io.ponte.offload.spi.ContainerLaunch.Mount;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ResolvedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** bubblewrap over the Debian stand-in rootfs of {@code scripts/rootfs.sh}, really run. */
class BubblewrapRuntimeTest extends ContainerRuntimeContract {

    @Override
    protected ContainerRuntime runtime() {
        return new BubblewrapRuntime(BubblewrapRuntime.Options.defaults());
    }

    @Override
    protected ResolvedImage image(List<String> entrypoint, List<String> cmd, Map<String, String> env) {
        return new ResolvedImage(
                "python:alpine",
                ResolvedImage.Kind.ROOTFS,
                StandInRootfs.ensureBuilt().toString(),
                entrypoint,
                cmd,
                Optional.empty(),
                env,
                Optional.of("Debian stand-in"));
    }

    @Override
    protected boolean honoursMounts() {
        return true;
    }

    @Test
    void runs_inside_the_image_with_the_pod_as_hostname_and_its_own_pids() throws Exception {
        Ran ran = run(launch(
                List.of(
                        "sh",
                        "-c",
                        "cat /etc/ponte-standin | head -c 7; echo; hostname; echo $$; " + "python --version"),
                List.of()));

        assertThat(ran.exitCode()).as(ran.stderr()).isZero();
        assertThat(ran.out()).startsWith("A local\ncontract-pod\n").contains("Python 3.");
        // bwrap's own init is PID 1 in the new namespace, the command PID 2.
        assertThat(Integer.parseInt(ran.out().lines().toList().get(2))).isLessThanOrEqualTo(2);
    }

    @Test
    void the_image_root_is_read_only_and_tmp_is_writable() throws Exception {
        Ran ran = run(launch(
                List.of(
                        "sh",
                        "-c",
                        "touch /usr/x 2>/dev/null && echo usr-writable; "
                                + "mount -o remount,rw /usr 2>/dev/null && echo remounted; touch /tmp/x && echo tmp-ok"),
                List.of()));

        assertThat(ran.out()).isEqualTo("tmp-ok\n");
    }

    @Test
    void a_mount_under_an_image_symlink_lands_where_the_link_points() throws Exception {
        Path token = Files.createDirectories(dir.resolve("sa"));
        Files.writeString(token.resolve("token"), "tok\nen\n");
        ContainerLaunch launch = launch(
                image(List.of(), List.of(), Map.of()),
                List.of(
                        "sh",
                        "-c",
                        "cat /var/run/secrets/kubernetes.io/serviceaccount/token; "
                                + "cat /run/secrets/kubernetes.io/serviceaccount/token; ls -ld /var/run | grep -c -- '-> /run'"),
                List.of(),
                List.of(),
                List.of(new Mount(token, "/var/run/secrets/kubernetes.io/serviceaccount", true)),
                Optional.empty());

        Ran ran = run(launch);

        assertThat(ran.exitCode()).as(ran.stderr()).isZero();
        assertThat(ran.out()).isEqualTo("tok\nen\ntok\nen\n1\n");
    }

    @Test
    void a_mount_point_the_image_lacks_is_created_inside_its_read_only_directories() throws Exception {
        Path config = Files.createDirectories(dir.resolve("cm"));
        Files.writeString(config.resolve("app.conf"), "key=value\n");
        Path deep = Files.createDirectories(dir.resolve("deep"));
        Files.writeString(deep.resolve("f"), "deep\n");
        String script = "cat /etc/myconfig/app.conf /usr/share/ponte-new/a/b/f; "
                // the image's own files next to the new mount point are still there, still read-only
                + "grep -c '^root:' /etc/passwd; test -e /etc/ponte-standin && echo standin; "
                + "if echo x >> /etc/passwd 2>/dev/null; then echo passwd-writable; else echo passwd-ro; fi; "
                + "if echo x > /etc/myconfig/new 2>/dev/null; then echo cm-writable; else echo cm-ro; fi; "
                + "ls /usr/bin/python3 >/dev/null && echo usr-intact";
        ContainerLaunch launch = launch(
                image(List.of(), List.of(), Map.of()),
                List.of("sh", "-c", script),
                List.of(),
                List.of(),
                List.of(new Mount(config, "/etc/myconfig", true), new Mount(deep, "/usr/share/ponte-new/a/b", true)),
                Optional.empty());

        Ran ran = run(launch);

        assertThat(ran.exitCode()).as(ran.stderr()).isZero();
        assertThat(ran.out()).isEqualTo("key=value\ndeep\n1\nstandin\npasswd-ro\ncm-ro\nusr-intact\n");
        assertThat(Path.of(StandInRootfs.ensureBuilt().toString(), "etc", "myconfig"))
                .doesNotExist();
    }

    @Test
    void an_empty_dir_written_by_one_container_is_read_by_another_mounting_it_read_only() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        ContainerLaunch writer = launch(
                image(List.of(), List.of(), Map.of()),
                List.of("sh", "-c", "echo from-writer > /shared-vol/data && mkdir /shared-vol/sub"),
                List.of(),
                List.of(),
                List.of(new Mount(shared, "/shared-vol", false)),
                Optional.empty());
        assertThat(run(writer).exitCode()).isZero();

        ContainerLaunch reader = launch(
                image(List.of(), List.of(), Map.of()),
                List.of("sh", "-c", "cat /shared-vol/data; touch /shared-vol/x 2>/dev/null || echo ro"),
                List.of(),
                List.of(),
                List.of(new Mount(shared, "/shared-vol", true)),
                Optional.empty());
        Ran ran = run(reader);

        assertThat(ran.out()).as(ran.stderr()).isEqualTo("from-writer\nro\n");
        assertThat(shared.resolve("x")).doesNotExist();
    }

    @Test
    void destinations_resolve_through_the_images_links_never_the_hosts() {
        Path rootfs = StandInRootfs.ensureBuilt();

        assertThat(RootfsLayout.resolve(rootfs, "/var/run/secrets/x")).isEqualTo("/run/secrets/x");
        assertThat(RootfsLayout.resolve(rootfs, "/var/lock/../y")).isEqualTo("/run/y");
        assertThat(RootfsLayout.resolve(rootfs, "/../../etc//./z")).isEqualTo("/etc/z");
        assertThat(RootfsLayout.resolve(rootfs, "/bin/")).isEqualTo("/usr/bin");
    }

    @Test
    void an_image_that_is_not_a_rootfs_is_refused_with_a_reason() {
        ResolvedImage tag = new ResolvedImage(
                "x",
                ResolvedImage.Kind.PODMAN_TAG,
                "x",
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.empty());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime()
                        .commandLine(launch(tag, List.of("true"), List.of(), List.of(), List.of(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PODMAN_TAG");
    }
}
