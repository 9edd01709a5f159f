package io.ponte.offload.vktest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the tests find interLink's vk-test-set: {@code <ponte.shared.dir>/peer-suites/vk-test-set}. */
final class SharedSuite {
    private SharedSuite() {}

    static Optional<Path> dir() {
        Path dir = Path.of(System.getProperty("ponte.shared.dir", "../../shared"), "peer-suites", "vk-test-set");
        return Files.isRegularFile(dir.resolve("vktest_config.yaml")) ? Optional.of(dir) : Optional.empty();
    }

    static String absent() {
        return "the vk-test-set is not at <ponte.shared.dir>/peer-suites/vk-test-set (ponte.shared.dir="
                + System.getProperty("ponte.shared.dir") + "); skipping";
    }
}
