package io.ponte.pipelines.core.engine;

import io.agroal.api.AgroalDataSource;
import io.ponte.pipelines.adapter.postgres.Migrations;
import io.ponte.pipelines.adapter.postgres.PostgresRunStore;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same runners, each with its own runner id, sharing one PostgreSQL database (a throwaway one on
 * the real server): one of them executes a run, the other keeps out while the claim is renewed and
 * takes the run over once the first stops renewing and its lease ends.
 */
class EngineClaimsOnPostgresTest extends EngineClaimsTest {

    private static AgroalDataSource pool;

    @BeforeAll
    static void database() {
        pool = TestPostgres.freshDatabase().pool();
        Migrations.apply(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Override
    protected RunStore emptyStore() {
        // resumeAll() looks at every unfinished run: none may be left from an earlier test.
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE pipeline_run, pipeline_task, pipeline_attempt, pipeline_cache_entry");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new PostgresRunStore(pool);
    }
}
