package io.ponte.pipelines.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.ponte.pipelines.adapter.RunStoreContractTest;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.StaleRecordException;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import io.ponte.pipelines.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PostgreSQL run store on the real server (a throwaway database), through the contract and beyond. */
class PostgresRunStoreTest extends RunStoreContractTest {

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
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            s.execute("TRUNCATE pipeline_run, pipeline_task, pipeline_attempt, pipeline_cache_entry");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new PostgresRunStore(pool);
    }

    @Test
    void migrating_again_changes_nothing() {
        RunRecord run = store(run("kept", RunState.RUNNING, T0));

        Migrations.apply(pool);

        assertThat(store.run(run.id())).contains(run);
    }

    @Test
    void ten_thousand_tasks_are_created_in_one_transaction_and_read_in_order() {
        RunRecord run = run("big", RunState.PENDING, T0);
        List<TaskRecord> tasks = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            tasks.add(task(run.id(), "root/fan-out[" + i + "]/noop", TaskState.PENDING));
        }

        store.createRun(run, tasks);

        List<TaskRecord> stored = store.tasks(run.id());
        assertThat(stored).hasSize(10_000);
        assertThat(stored.get(0).taskPath()).isEqualTo("root/fan-out[0]/noop");
        assertThat(stored.get(9_999).taskPath()).isEqualTo("root/fan-out[9999]/noop");
    }

    @Test
    void of_two_runners_updating_the_same_revision_exactly_one_wins() throws Exception {
        RunRecord run = store(run("contended", RunState.RUNNING, T0));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                RunState target = i % 2 == 0 ? RunState.SUCCEEDED : RunState.FAILED;
                Callable<Boolean> update = () -> {
                    try {
                        store.updateRun(copy(run, target, none(), none()));
                        return true;
                    } catch (StaleRecordException e) {
                        return false;
                    }
                };
                outcomes.add(threads.submit(update));
            }
            int wins = 0;
            for (Future<Boolean> outcome : outcomes) {
                wins += outcome.get() ? 1 : 0;
            }
            assertThat(wins).isEqualTo(1);
            assertThat(store.run(run.id()).orElseThrow().revision()).isEqualTo(run.revision() + 1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_task_of_a_run_that_does_not_exist_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> store.upsertTask(task("no-such-run", "root/a", TaskState.PENDING)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
