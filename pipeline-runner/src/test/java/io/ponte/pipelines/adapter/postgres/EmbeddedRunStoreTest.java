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

        DatabaseServer first = new DatabaseServer(embeddedAt(dataDir));
        try {
            new PostgresRunStore(first.dataSource()).createRun(run, List.of());
        } finally {
            first.close();
        }
        DatabaseServer second = new DatabaseServer(embeddedAt(dataDir));
        try {
            RunStore store = new PostgresRunStore(second.dataSource());
            assertThat(store.run(run.id())).contains(run);
            assertThat(store.unfinishedRuns()).containsExactly(run.id());
        } finally {
            second.close();
        }
    }

    private static DatabaseServer.Settings embeddedAt(Path dir) {
        return new DatabaseServer.Settings(Optional.empty(), "postgres", Optional.empty(), 2, dir.resolve("pg"), 0);
    }
}
