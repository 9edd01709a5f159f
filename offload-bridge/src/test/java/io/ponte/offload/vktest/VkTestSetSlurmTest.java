package io.ponte.offload.vktest;

import io.ponte.offload.adapter.image.StandInRootfs;
import io.ponte.offload.adapter.slurm.SlurmCluster;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * interLink's vk-test-set against the bridge with the {@code slurm} backend on the real
 * single-node Slurm cluster of {@code scripts/slurm.sh} (started here when CI has not started it;
 * the test fails, never skips, when Slurm cannot be started).
 */
@QuarkusTest
@TestProfile(VkTestSetSlurmTest.SlurmBackend.class)
class VkTestSetSlurmTest extends VkTestSetGate {

    /** The bridge under test: one sbatch job per pod, each container under bubblewrap in the stand-in rootfs. */
    public static class SlurmBackend implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path conf = SlurmCluster.ensureStarted();
            return VkTestSetGate.withQuietMockServer(Map.of(
                    "ponte.offload.backend", "slurm",
                    "ponte.offload.runtime", "bubblewrap",
                    "ponte.offload.images.dir",
                            StandInRootfs.ensureBuilt().getParent().getParent().toString(),
                    "ponte.offload.slurm.conf", conf.toString(),
                    "ponte.offload.root",
                            Path.of("target/vktest-slurm-pods").toAbsolutePath().toString()));
        }
    }

    @Override
    String backend() {
        return "slurm";
    }

    @Test
    void the_vk_test_set_passes_what_the_readme_lists_as_passed() throws IOException {
        runsTheSuiteWithoutRegressions();
    }
}
