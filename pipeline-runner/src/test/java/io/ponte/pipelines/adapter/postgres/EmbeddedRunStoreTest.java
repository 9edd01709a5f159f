package io.ponte.pipelines.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a database URL the runner keeps its state in an embedded PostgreSQL that survives restarts. */
class EmbeddedRunStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void a_run_stored_in_the_embedded_database_is_there_after_a_restart() {
        RunRecord run = new RunRecord(
                UUID.randomUUID().toString(),
                "first run",
                "hello",
                "{}",
                Map.of("who", "world"),
                "s3://ponte-pipelines/runs",
                true,
                RunState.RUNNING,
                Optional.empty(),
                Instant.parse("2026-03-01T10:00:00Z"),
                Optional.empty(),
                0);

        PipelineDatabase first = new PipelineDatabase(embeddedAt(dataDir));
        try {
            first.runStore().createRun(run, List.of());
        } finally {
            first.close();
        }
        PipelineDatabase second = new PipelineDatabase(embeddedAt(dataDir));
        try {
            RunStore store = second.runStore();
            assertThat(store.run(run.id())).contains(run);
            assertThat(store.unfinishedRuns()).containsExactly(run.id());
        } finally {
            second.close();
        }
    }

    private static DatabaseConfig embeddedAt(Path dir) {
        return new DatabaseConfig() {
            @Override
            public Optional<String> url() {
                return Optional.empty();
            }

            @Override
            public String user() {
                return "postgres";
            }

            @Override
            public Optional<String> password() {
                return Optional.empty();
            }

            @Override
            public int poolSize() {
                return 2;
            }

            @Override
            public Path embeddedDataDir() {
                return dir.resolve("pg");
            }

            @Override
            public int embeddedPort() {
                return 0;
            }
        };
    }
}
