package io.ponte.offload.adapter.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.offload.spi.ContainerRuntime;
import io.ponte.offload.spi.ResolvedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The subprocess runtime: the image's metadata is honoured, its files are not used. */
class SubprocessRuntimeTest extends ContainerRuntimeContract {

    @Override
    protected ContainerRuntime runtime() {
        return new SubprocessRuntime();
    }

    @Override
    protected ResolvedImage image(List<String> entrypoint, List<String> cmd, Map<String, String> env) {
        return new ResolvedImage(
                "busybox:1.36", ResolvedImage.Kind.HOST, "", entrypoint, cmd, Optional.empty(), env, Optional.empty());
    }

    @Override
    protected boolean honoursMounts() {
        return false;
    }

    @Test
    void says_it_does_not_use_the_image_and_runs_on_the_host() throws Exception {
        assertThat(runtime().usesImage()).isFalse();

        Ran ran = run(launch(
                List.of("sh", "-c", "test -e /etc/ponte-standin && echo image || echo host; echo $HOME"), List.of()));

        assertThat(ran.out()).startsWith("host\n").contains(dir.toString());
    }
}
