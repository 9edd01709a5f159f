package io.ponte.offload.adapter.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.offload.adapter.image.StandInImages;
import io.ponte.offload.adapter.image.StandInRootfs;
import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ResolvedImage;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * podman over the stand-in image that {@code scripts/rootfs.sh} imports, really run. Without podman
 * the tests fail in CI (where .ci/run installs it) and are skipped, saying so, elsewhere.
 */
class PodmanRuntimeTest extends ContainerRuntimeContract {

    @BeforeAll
    static void podmanIsThere() {
        boolean installed = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(d -> new File(d, "podman").canExecute());
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("podman is not installed; .ci/run must install it");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(installed, "podman is not installed here");
        StandInRootfs.ensureBuilt();
    }

    @Override
    protected ContainerRuntime runtime() {
        // This sandbox forbids raising rlimits to podman's defaults.
        return new PodmanRuntime(new PodmanRuntime.Options(
                "podman", "host", List.of("--ulimit", "nofile=10000:10000", "--ulimit", "nproc=10000:10000")));
    }

    @Override
    protected ResolvedImage image(List<String> entrypoint, List<String> cmd, Map<String, String> env) {
        return new ResolvedImage(
                "python:alpine",
                ResolvedImage.Kind.PODMAN_TAG,
                StandInImages.PODMAN_TAG,
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
    void runs_inside_the_image_with_the_pod_as_hostname() throws Exception {
        Ran ran = run(launch(List.of("sh", "-c", "head -c 7 /etc/ponte-standin; echo; hostname"), List.of()));

        assertThat(ran.exitCode()).as(ran.stderr()).isZero();
        assertThat(ran.out()).isEqualTo("A local\ncontract-pod\n");
    }

    @Test
    void an_image_this_site_lacks_fails_at_once_without_a_pull() throws Exception {
        ResolvedImage missing = new ResolvedImage(
                "nope",
                ResolvedImage.Kind.PODMAN_TAG,
                "localhost/ponte/does-not-exist:1",
                List.of(),
                List.of(),
                Optional.empty(),
                Map.of(),
                Optional.empty());

        Ran ran = run(launch(missing, List.of("true"), List.of(), List.of(), List.of(), Optional.empty()));

        assertThat(ran.exitCode()).isNotZero();
        assertThat(ran.stderr()).contains("does-not-exist");
    }
}
