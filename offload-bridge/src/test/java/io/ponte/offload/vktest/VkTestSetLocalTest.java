package io.ponte.offload.vktest;

import io.ponte.offload.adapter.image.StandInRootfs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** interLink's vk-test-set against the bridge with the {@code local} backend. */
@QuarkusTest
@TestProfile(VkTestSetLocalTest.LocalBackend.class)
class VkTestSetLocalTest extends VkTestSetGate {

    /**
     * The bridge under test: pods as processes on this host, each container under bubblewrap in
     * the Debian rootfs that stands in for busybox / alpine / python / nginx ({@code
     * scripts/rootfs.sh}, built here when missing).
     */
    public static class LocalBackend implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return VkTestSetGate.withQuietMockServer(Map.of(
                    "ponte.offload.backend", "local",
                    "ponte.offload.runtime", "bubblewrap",
                    "ponte.offload.images.dir",
                            StandInRootfs.ensureBuilt().getParent().getParent().toString(),
                    "ponte.offload.root", "target/vktest-local-pods"));
        }
    }

    @Override
    String backend() {
        return "local";
    }

    @Test
    void the_vk_test_set_passes_what_the_readme_lists_as_passed() throws IOException {
        runsTheSuiteWithoutRegressions();
    }
}
