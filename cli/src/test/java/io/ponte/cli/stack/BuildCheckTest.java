package io.ponte.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCheckTest {
    private static final Instant BUILT = Instant.parse("2026-01-01T12:00:00Z");

    @TempDir
    Path root;

    private final ServiceSpec router =
            ServiceSpec.quarkusApp("inference-router", 8080, "PONTE_ROUTER_PORT", "/v1", List.of("api"));
    private Path jar;

    @BeforeEach
    void aBuiltRouter() throws Exception {
        touch("pom.xml", BUILT.minusSeconds(60));
        touch("api/pom.xml", BUILT.minusSeconds(60));
        touch("api/src/main/java/Wire.java", BUILT.minusSeconds(60));
        touch("inference-router/pom.xml", BUILT.minusSeconds(60));
        touch("inference-router/src/main/java/Router.java", BUILT.minusSeconds(60));
        jar = touch("inference-router/target/quarkus-app/quarkus-run.jar", BUILT);
    }

    @Test
    void a_build_newer_than_its_sources_is_fresh() {
        assertThat(new BuildCheck(root).staleModules(List.of(router))).isEmpty();
    }

    @Test
    void a_missing_build_is_stale() throws Exception {
        Files.delete(jar);

        assertThat(new BuildCheck(root).staleModules(List.of(router))).containsExactly("inference-router");
    }

    @Test
    void a_changed_source_in_the_module_or_a_build_input_makes_it_stale() throws Exception {
        touch("api/src/main/java/Wire.java", BUILT.plusSeconds(1));

        assertThat(new BuildCheck(root).isStale(router)).isTrue();
    }

    @Test
    void test_sources_and_other_modules_do_not_count() throws Exception {
        touch("inference-router/src/test/java/RouterTest.java", BUILT.plusSeconds(1));
        touch("rag/src/main/java/Rag.java", BUILT.plusSeconds(1));

        assertThat(new BuildCheck(root).isStale(router)).isFalse();
    }

    @Test
    void a_changed_root_pom_makes_it_stale() throws Exception {
        touch("pom.xml", BUILT.plusSeconds(1));

        assertThat(new BuildCheck(root).isStale(router)).isTrue();
    }

    private Path touch(String path, Instant modified) throws Exception {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        if (!Files.exists(file)) {
            Files.writeString(file, path);
        }
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
