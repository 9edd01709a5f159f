package io.ponte.offload.adapter.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.offload.adapter.image.StandInRootfs;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ResolvedImage;
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
