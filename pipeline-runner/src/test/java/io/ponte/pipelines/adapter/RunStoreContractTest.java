package io.ponte.pipelines.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.CacheEntry;
import io.ponte.pipelines.spi.Page;
import io.ponte.pipelines.spi.RunClaim;
import io.ponte.pipelines.spi.RunQuery;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.RunStore;
import io.ponte.pipelines.spi.StaleRecordException;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunStore} adapter must do. A subclass returns an empty store from {@link
 * #emptyStore()} before each test.
 *
 * <p>Semantics fixed here, beyond the port's Javadoc:
 *
 * <ul>
 *   <li>{@code createRun} stores the run and its tasks with the revisions they carry (0 for new
 *       records); every later write of a record stores and returns {@code revision + 1}, and is
 *       refused with {@link StaleRecordException} unless the stored revision equals the given one.
 *       {@code upsertTask} of a task that does not exist yet inserts it, also as {@code revision +
 *       1}. Updating a run that does not exist is a {@link StaleRecordException} too.
 *   <li>{@code updateRun} replaces everything but the id, the pipeline name and spec and the
 *       creation time.
 *   <li>Lists are newest first, ties broken by id (descending); a page token is opaque, stays valid
 *       when newer runs arrive, and a token the store did not issue is an {@link
 *       IllegalArgumentException}. {@code totalSize} counts every match of the filters.
 *   <li>Run claims follow {@link RunStore#claimRun}: granted when free, renewed by the holder,
 *       taken over once ended, released only by the holder, never changing the run's revision.
 *   <li>Instants round-trip at millisecond precision at least; JSON values (parameters, outputs,
 *       artifact metadata) round-trip as Jackson reads JSON (whole numbers as Integer/Long, others as
 *       Double, objects as maps, arrays as lists).
 * </ul>
 */
public abstract class RunStoreContractTest {

    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected RunStore store;

    /** A store with no runs, tasks, attempts or cache entries. */
    protected abstract RunStore emptyStore();

    @BeforeEach
    void freshStore() {
        store = emptyStore();
    }

    @Test
    void a_created_run_and_its_tasks_are_read_back_field_for_field() {
        RunRecord run = new RunRecord(
                UUID.randomUUID().toString(),
                "nightly training",
                "train-pipeline",
                "{\"pipelineInfo\":{\"name\":\"train-pipeline\"}}",
                Map.of(
                        "lr",
                        0.01,
                        "epochs",
                        3,
                        "name",
                        "resnet",
                        "flags",
                        List.of(true, false),
                        "nested",
                        Map.of("a", 1)),
                "s3://ponte-pipelines/runs",
                false,
                RunState.RUNNING,
                Optional.of("none yet"),
                T0,
                Optional.of(T0.plusSeconds(5)),
                0);
        TaskRecord prepare = task(run.id(), "root/prepare", TaskState.SUCCEEDED);
        TaskRecord train = richTask(run.id(), "root/for-loop-2[0]/train");

        store.createRun(run, List.of(prepare, train));

        assertThat(store.run(run.id())).contains(run);
        assertThat(store.tasks(run.id())).containsExactly(prepare, train);
        assertThat(store.task(run.id(), "root/for-loop-2[0]/train")).contains(train);
    }

    @Test
    void unknown_runs_and_tasks_are_empty() {
        RunRecord run = run("r", RunState.RUNNING, T0);
        store.createRun(run, List.of());

        assertThat(store.run("no-such-run")).isEmpty();
        assertThat(store.tasks("no-such-run")).isEmpty();
        assertThat(store.task(run.id(), "root/none")).isEmpty();
        assertThat(store.attempts(run.id(), "root/none")).isEmpty();
    }

    @Test
    void list_is_newest_first_and_pages_without_gaps_or_repeats() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            RunRecord run = run("run " + i, RunState.SUCCEEDED, T0.plusSeconds(i));
            store.createRun(run, List.of());
            newestFirst.add(0, run.id());
        }

        List<String> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        List<Integer> sizes = new ArrayList<>();
        do {
            Page<RunRecord> page = store.listRuns(query(3, token));
            assertThat(page.totalSize()).isEqualTo(7);
            sizes.add(page.items().size());
            page.items().forEach(r -> seen.add(r.id()));
            token = page.nextPageToken();
        } while (token.isPresent());

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void a_page_token_stays_valid_when_newer_runs_arrive() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RunRecord run = run("run " + i, RunState.SUCCEEDED, T0.plusSeconds(i));
            store.createRun(run, List.of());
            created.add(run.id());
        }
        Page<RunRecord> first = store.listRuns(query(2, Optional.empty()));
        store.createRun(run("newer", RunState.PENDING, T0.plusSeconds(100)), List.of());

        Page<RunRecord> second = store.listRuns(query(2, first.nextPageToken()));

        assertThat(second.items()).extracting(RunRecord::id).containsExactly(created.get(1), created.get(0));
        assertThat(second.nextPageToken()).isEmpty();
    }

    @Test
    void runs_created_at_the_same_instant_page_in_a_stable_order() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RunRecord run = run("same time " + i, RunState.RUNNING, T0);
            store.createRun(run, List.of());
            ids.add(run.id());
        }

        List<String> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<RunRecord> page = store.listRuns(query(2, token));
            page.items().forEach(r -> seen.add(r.id()));
            token = page.nextPageToken();
        } while (token.isPresent());

        assertThat(seen)
                .containsExactlyElementsOf(
                        ids.stream().sorted((a, b) -> b.compareTo(a)).toList());
    }

    @Test
    void list_filters_by_state_pipeline_name_and_creation_time() {
        RunRecord a = store(run("Nightly Train", "train", RunState.RUNNING, T0));
        RunRecord b = store(run("nightly eval", "eval", RunState.RUNNING, T0.plusSeconds(1)));
        RunRecord c = store(run("weekly train", "train", RunState.FAILED, T0.plusSeconds(2)));
        RunRecord d = store(run("ad-hoc 100%_sure", "train", RunState.SUCCEEDED, T0.plusSeconds(3)));

        assertThat(ids(new RunQuery(Optional.of(RunState.RUNNING), none(), none(), none(), 10, none())))
                .containsExactly(b.id(), a.id());
        assertThat(ids(new RunQuery(none(), Optional.of("train"), none(), none(), 10, none())))
                .containsExactly(d.id(), c.id(), a.id());
        assertThat(ids(new RunQuery(none(), none(), Optional.of("NIGHTLY"), none(), 10, none())))
                .containsExactly(b.id(), a.id());
        assertThat(ids(new RunQuery(none(), none(), Optional.of("100%_"), none(), 10, none())))
                .as("LIKE wildcards in the name are taken literally")
                .containsExactly(d.id());
        assertThat(ids(new RunQuery(none(), none(), Optional.of("%"), none(), 10, none())))
                .containsExactly(d.id());
        assertThat(ids(new RunQuery(none(), none(), none(), Optional.of(T0.plusSeconds(1)), 10, none())))
                .as("strictly after")
                .containsExactly(d.id(), c.id());
        Page<RunRecord> combined = store.listRuns(new RunQuery(
                Optional.of(RunState.RUNNING), Optional.of("train"), Optional.of("night"), none(), 10, none()));
        assertThat(combined.items()).extracting(RunRecord::id).containsExactly(a.id());
        assertThat(combined.totalSize()).isEqualTo(1);
    }

    @Test
    void a_page_token_the_store_did_not_issue_is_refused() {
        store(run("x", RunState.RUNNING, T0));

        assertThatThrownBy(() -> store.listRuns(query(2, Optional.of("not-a-token"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_update_stores_the_fields_and_increments_the_revision() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        RunRecord finished =
                copy(run, RunState.FAILED, Optional.of("task train failed"), Optional.of(T0.plusSeconds(60)));

        RunRecord stored = store.updateRun(finished);

        assertThat(stored.revision()).isEqualTo(run.revision() + 1);
        assertThat(stored.state()).isEqualTo(RunState.FAILED);
        assertThat(store.run(run.id())).contains(stored);
        assertThat(stored.error()).contains("task train failed");
        assertThat(stored.finishedAt()).contains(T0.plusSeconds(60));
    }

    @Test
    void a_stale_run_update_is_refused_and_the_winner_is_kept() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        RunRecord winner = store.updateRun(copy(run, RunState.CANCELING, none(), none()));

        assertThatThrownBy(() -> store.updateRun(copy(run, RunState.SUCCEEDED, none(), Optional.of(T0))))
                .isInstanceOf(StaleRecordException.class);
        assertThat(store.run(run.id())).contains(winner);
    }

    @Test
    void updating_a_run_that_does_not_exist_is_refused() {
        assertThatThrownBy(() -> store.updateRun(run("ghost", RunState.RUNNING, T0)))
                .isInstanceOf(StaleRecordException.class);
    }

    @Test
    void a_task_upsert_inserts_then_updates_only_from_the_stored_revision() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        TaskRecord fresh = task(run.id(), "root/train", TaskState.PENDING);

        TaskRecord inserted = store.upsertTask(fresh);
        assertThat(inserted.revision()).isEqualTo(fresh.revision() + 1);
        TaskRecord running = store.upsertTask(withState(inserted, TaskState.RUNNING));
        assertThat(running.revision()).isEqualTo(inserted.revision() + 1);

        assertThatThrownBy(() -> store.upsertTask(withState(inserted, TaskState.FAILED)))
                .isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> store.upsertTask(fresh))
                .as("a second insert from revision 0 lost the race")
                .isInstanceOf(StaleRecordException.class);
        assertThat(store.task(run.id(), "root/train")).contains(running);
    }

    @Test
    void a_task_change_and_its_attempt_are_stored_together_or_not_at_all() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        TaskRecord inserted = store.upsertTask(task(run.id(), "root/train", TaskState.PENDING));
        AttemptRecord first = attempt(run.id(), "root/train", 1, TaskState.RUNNING, none());

        TaskRecord running = store.upsertTask(withState(inserted, TaskState.RUNNING), first);

        assertThat(running.revision()).isEqualTo(inserted.revision() + 1);
        assertThat(store.task(run.id(), "root/train")).contains(running);
        assertThat(store.attempts(run.id(), "root/train")).containsExactly(first);

        AttemptRecord lost = attempt(run.id(), "root/train", 1, TaskState.FAILED, Optional.of(1));
        assertThatThrownBy(() -> store.upsertTask(withState(inserted, TaskState.FAILED), lost))
                .as("the task write is conditional; losing it writes no attempt either")
                .isInstanceOf(StaleRecordException.class);
        assertThat(store.task(run.id(), "root/train")).contains(running);
        assertThat(store.attempts(run.id(), "root/train")).containsExactly(first);
    }

    @Test
    void a_batch_insert_stores_new_tasks_in_order_and_keeps_those_already_stored() {
        RunRecord run = run("r", RunState.RUNNING, T0);
        store.createRun(run, List.of(task(run.id(), "root/first", TaskState.PENDING)));
        TaskRecord earlier = store.upsertTask(task(run.id(), "root/loop[1]", TaskState.PENDING));
        TaskRecord done = store.upsertTask(withState(earlier, TaskState.SUCCEEDED));
        List<TaskRecord> batch = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(task(run.id(), "root/loop[" + i + "]", TaskState.PENDING));
        }

        List<TaskRecord> stored = store.insertTasks(batch);

        assertThat(stored)
                .extracting(TaskRecord::taskPath)
                .containsExactly("root/loop[0]", "root/loop[1]", "root/loop[2]");
        assertThat(stored.get(0).revision()).isEqualTo(batch.get(0).revision() + 1);
        assertThat(stored.get(1))
                .as("already stored: returned as stored, not overwritten")
                .isEqualTo(done);
        assertThat(store.tasks(run.id()))
                .containsExactly(store.task(run.id(), "root/first").orElseThrow(), done, stored.get(0), stored.get(2));
        assertThat(store.task(run.id(), "root/loop[2]")).contains(stored.get(2));
        assertThat(store.insertTasks(List.of())).isEmpty();
    }

    @Test
    void tasks_are_listed_in_creation_order() {
        RunRecord run = run("r", RunState.RUNNING, T0);
        store.createRun(
                run,
                List.of(
                        task(run.id(), "root/zeta", TaskState.PENDING),
                        task(run.id(), "root/alpha", TaskState.PENDING),
                        task(run.id(), "root/mid", TaskState.PENDING)));
        store.upsertTask(task(run.id(), "root/aaa-added-later", TaskState.PENDING));
        TaskRecord alpha = store.task(run.id(), "root/alpha").orElseThrow();
        store.upsertTask(withState(alpha, TaskState.RUNNING));

        assertThat(store.tasks(run.id()))
                .extracting(TaskRecord::taskPath)
                .containsExactly("root/zeta", "root/alpha", "root/mid", "root/aaa-added-later");
    }

    @Test
    void task_pages_cover_a_run_in_creation_order_and_a_token_survives_added_tasks() {
        RunRecord run = run("paged", RunState.RUNNING, T0);
        List<TaskRecord> initial = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            initial.add(task(run.id(), "root/fan-out[" + i + "]/t", TaskState.PENDING));
        }
        store.createRun(run, initial);
        RunRecord other = run("other", RunState.RUNNING, T0);
        store.createRun(other, List.of(task(other.id(), "root/fan-out[0]/t", TaskState.PENDING)));

        Page<TaskRecord> first = store.taskPage(run.id(), 3, none());
        store.upsertTask(task(run.id(), "root/added-later", TaskState.PENDING));
        store.upsertTask(withState(store.task(run.id(), "root/fan-out[1]/t").orElseThrow(), TaskState.RUNNING));
        List<String> seen = new ArrayList<>();
        first.items().forEach(t -> seen.add(t.taskPath()));
        List<Integer> sizes = new ArrayList<>(List.of(first.items().size()));
        Optional<String> token = first.nextPageToken();
        while (token.isPresent()) {
            Page<TaskRecord> page = store.taskPage(run.id(), 3, token);
            assertThat(page.totalSize()).isEqualTo(8);
            sizes.add(page.items().size());
            page.items().forEach(t -> seen.add(t.taskPath()));
            token = page.nextPageToken();
        }

        assertThat(first.totalSize()).isEqualTo(7);
        assertThat(sizes).containsExactly(3, 3, 2);
        List<String> expected =
                new ArrayList<>(initial.stream().map(TaskRecord::taskPath).toList());
        expected.add("root/added-later");
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void a_task_page_of_an_unknown_run_is_empty_and_a_foreign_token_is_refused() {
        Page<TaskRecord> none = store.taskPage("no-such-run", 10, none());

        assertThat(none.items()).isEmpty();
        assertThat(none.totalSize()).isZero();
        assertThat(none.nextPageToken()).isEmpty();
        assertThatThrownBy(() -> store.taskPage("no-such-run", 10, Optional.of("bm90LWEtdG9rZW4")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tasks_of_one_run_do_not_leak_into_another() {
        RunRecord one = run("one", RunState.RUNNING, T0);
        RunRecord two = run("two", RunState.RUNNING, T0);
        store.createRun(one, List.of(task(one.id(), "root/a", TaskState.PENDING)));
        store.createRun(two, List.of(task(two.id(), "root/a", TaskState.SUCCEEDED)));

        assertThat(store.tasks(one.id())).extracting(TaskRecord::state).containsExactly(TaskState.PENDING);
        assertThat(store.tasks(two.id())).extracting(TaskRecord::state).containsExactly(TaskState.SUCCEEDED);
    }

    @Test
    void attempts_are_ordered_by_number_and_saving_one_again_replaces_it() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        store.upsertTask(task(run.id(), "root/train", TaskState.RUNNING));
        AttemptRecord second = attempt(run.id(), "root/train", 2, TaskState.RUNNING, none());
        AttemptRecord first = attempt(run.id(), "root/train", 1, TaskState.FAILED, Optional.of(137));
        store.saveAttempt(second);
        store.saveAttempt(first);
        AttemptRecord secondDone = new AttemptRecord(
                run.id(),
                "root/train",
                2,
                "local",
                Optional.of("pid:4242"),
                TaskState.SUCCEEDED,
                Optional.of(0),
                Optional.of("s3://ponte-pipelines/logs/r/train/2.log"),
                T0.plusSeconds(10),
                Optional.of(T0.plusSeconds(20)),
                none());

        store.saveAttempt(secondDone);

        assertThat(store.attempts(run.id(), "root/train")).containsExactly(first, secondDone);
    }

    @Test
    void the_first_cache_entry_for_a_key_wins() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        CacheEntry first = cacheEntry("key-1", run.id(), "root/train", Map.of("accuracy", 0.93));
        CacheEntry second = cacheEntry("key-1", run.id(), "root/train-again", Map.of("accuracy", 0.5));

        store.cachePut(first);
        store.cachePut(second);

        assertThat(store.cacheLookup("key-1")).contains(first);
        assertThat(store.cacheLookup("key-2")).isEmpty();
    }

    @Test
    void cache_entries_are_evicted_by_key_or_all_at_once() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        store.cachePut(cacheEntry("k1", run.id(), "root/a", Map.of()));
        store.cachePut(cacheEntry("k2", run.id(), "root/b", Map.of()));
        store.cachePut(cacheEntry("k3", run.id(), "root/c", Map.of()));

        assertThat(store.cacheEvict(Optional.of("k2"))).isEqualTo(1);
        assertThat(store.cacheEvict(Optional.of("k2"))).isZero();
        assertThat(store.cacheLookup("k2")).isEmpty();
        assertThat(store.cacheEvict(Optional.empty())).isEqualTo(2);
        assertThat(store.cacheLookup("k1")).isEmpty();
        assertThat(store.cacheLookup("k3")).isEmpty();
    }

    @Test
    void unfinished_runs_are_those_not_in_a_final_state() {
        RunRecord pending = store(run("p", RunState.PENDING, T0));
        RunRecord running = store(run("r", RunState.RUNNING, T0.plusSeconds(1)));
        RunRecord canceling = store(run("c", RunState.CANCELING, T0.plusSeconds(2)));
        store(run("s", RunState.SUCCEEDED, T0.plusSeconds(3)));
        store(run("f", RunState.FAILED, T0.plusSeconds(4)));
        RunRecord canceled = store(run("x", RunState.CANCELED, T0.plusSeconds(5)));
        RunRecord resumed = store.updateRun(copy(running, RunState.SUCCEEDED, none(), Optional.of(T0)));

        assertThat(store.unfinishedRuns()).containsExactlyInAnyOrder(pending.id(), canceling.id());
        assertThat(store.unfinishedRuns()).doesNotContain(resumed.id(), canceled.id());
    }

    @Test
    void a_free_run_is_claimed_and_a_live_claim_keeps_other_runners_out() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));

        assertThat(store.claimRun(run.id(), "runner-a", T0, T0.plusSeconds(30)))
                .contains(new RunClaim("runner-a", T0.plusSeconds(30)));
        assertThat(store.claimRun(run.id(), "runner-b", T0.plusSeconds(29), T0.plusSeconds(59)))
                .as("runner-a's claim still holds")
                .contains(new RunClaim("runner-a", T0.plusSeconds(30)));
    }

    @Test
    void the_holder_renews_and_an_ended_claim_can_be_taken_over() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        store.claimRun(run.id(), "runner-a", T0, T0.plusSeconds(30));

        assertThat(store.claimRun(run.id(), "runner-a", T0.plusSeconds(10), T0.plusSeconds(40)))
                .contains(new RunClaim("runner-a", T0.plusSeconds(40)));
        assertThat(store.claimRun(run.id(), "runner-b", T0.plusSeconds(40), T0.plusSeconds(70)))
                .as("a claim that ended may be taken")
                .contains(new RunClaim("runner-b", T0.plusSeconds(70)));
        assertThat(store.claimRun(run.id(), "runner-a", T0.plusSeconds(41), T0.plusSeconds(71)))
                .contains(new RunClaim("runner-b", T0.plusSeconds(70)));
    }

    @Test
    void a_released_claim_frees_the_run_and_only_the_holder_can_release() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        store.claimRun(run.id(), "runner-a", T0, T0.plusSeconds(30));

        store.releaseRun(run.id(), "runner-b");
        assertThat(store.claimRun(run.id(), "runner-b", T0, T0.plusSeconds(30)))
                .map(RunClaim::owner)
                .contains("runner-a");
        store.releaseRun(run.id(), "runner-a");
        assertThat(store.claimRun(run.id(), "runner-b", T0, T0.plusSeconds(30)))
                .map(RunClaim::owner)
                .contains("runner-b");
    }

    @Test
    void claiming_changes_no_revision_and_an_unknown_run_has_no_claim() {
        RunRecord run = store(run("r", RunState.RUNNING, T0));

        store.claimRun(run.id(), "runner-a", T0, T0.plusSeconds(30));
        store.claimRun(run.id(), "runner-a", T0.plusSeconds(10), T0.plusSeconds(40));
        store.releaseRun(run.id(), "runner-a");

        assertThat(store.run(run.id()).orElseThrow().revision()).isEqualTo(run.revision());
        assertThat(store.updateRun(copy(run, RunState.SUCCEEDED, none(), Optional.of(T0)))
                        .revision())
                .as("a writer holding the revision read before the claims still wins")
                .isEqualTo(run.revision() + 1);
        assertThat(store.claimRun("no-such-run", "runner-a", T0, T0.plusSeconds(30)))
                .isEmpty();
    }

    @Test
    void two_runners_claiming_a_free_run_at_once_leave_exactly_one_holder() throws Exception {
        RunRecord run = store(run("r", RunState.RUNNING, T0));
        List<String> runners = List.of("runner-a", "runner-b", "runner-c", "runner-d");
        ExecutorService threads = Executors.newFixedThreadPool(runners.size());
        try {
            List<Future<Optional<RunClaim>>> claims = new ArrayList<>();
            for (String runner : runners) {
                claims.add(threads.submit(() -> store.claimRun(run.id(), runner, T0, T0.plusSeconds(30))));
            }
            List<String> holders = new ArrayList<>();
            for (Future<Optional<RunClaim>> claim : claims) {
                holders.add(claim.get().orElseThrow().owner());
            }
            assertThat(holders).as("every runner is told the same holder").containsOnly(holders.get(0));
            assertThat(runners).contains(holders.get(0));
        } finally {
            threads.shutdownNow();
        }
    }

    // ---- helpers a subclass may reuse ----

    protected RunRecord store(RunRecord run) {
        store.createRun(run, List.of());
        return run;
    }

    protected static RunRecord run(String displayName, RunState state, Instant createdAt) {
        return run(displayName, "pipeline", state, createdAt);
    }

    protected static RunRecord run(String displayName, String pipeline, RunState state, Instant createdAt) {
        return new RunRecord(
                UUID.randomUUID().toString(),
                displayName,
                pipeline,
                "{}",
                Map.of(),
                "s3://ponte-pipelines/runs",
                true,
                state,
                Optional.empty(),
                createdAt,
                Optional.empty(),
                0);
    }

    protected static RunRecord copy(
            RunRecord run, RunState state, Optional<String> error, Optional<Instant> finishedAt) {
        return new RunRecord(
                run.id(),
                run.displayName(),
                run.pipelineName(),
                run.pipelineSpec(),
                run.parameters(),
                run.pipelineRoot(),
                run.cachingEnabled(),
                state,
                error,
                run.createdAt(),
                finishedAt,
                run.revision());
    }

    protected static TaskRecord task(String runId, String path, TaskState state) {
        return new TaskRecord(
                runId,
                path,
                path.substring(path.lastIndexOf('/') + 1),
                state,
                0,
                Map.of(),
                Map.of(),
                Map.of(),
                none(),
                none(),
                none(),
                none(),
                none(),
                none(),
                none(),
                0);
    }

    protected static TaskRecord richTask(String runId, String path) {
        ArtifactRef model = new ArtifactRef(
                "model",
                "s3://ponte-pipelines/runs/" + runId + "/train/model",
                "system.Model",
                Map.of("framework", "pytorch", "accuracy", 0.91, "layers", List.of(16, 64, 2)),
                Optional.of("ab".repeat(32)));
        ArtifactRef noHash =
                new ArtifactRef("metrics", "s3://ponte-pipelines/m", "system.Metrics", Map.of(), Optional.empty());
        return new TaskRecord(
                runId,
                path,
                "train",
                TaskState.CACHED,
                2,
                Map.of("lr", 0.01, "epochs", 3),
                Map.of("accuracy", 0.91, "best_epoch", 2, "summary", "ok"),
                Map.of("model", List.of(model), "metrics", List.of(noHash, model)),
                Optional.of("c0ffee"),
                Optional.of("cache hit: run r1 task root/train, key over image, command, inputs"),
                Optional.of("kubernetes"),
                Optional.of("job/train-abc"),
                Optional.of(T0.plusMillis(1234)),
                Optional.of(T0.plusSeconds(30)),
                Optional.of("attempt 1 OOMKilled"),
                3);
    }

    protected static TaskRecord withState(TaskRecord t, TaskState state) {
        return new TaskRecord(
                t.runId(),
                t.taskPath(),
                t.taskName(),
                state,
                t.attempts(),
                t.inputParameters(),
                t.outputParameters(),
                t.outputArtifacts(),
                t.cacheKey(),
                t.statusDetail(),
                t.executor(),
                t.executorRef(),
                t.startedAt(),
                t.finishedAt(),
                t.error(),
                t.revision());
    }

    protected static AttemptRecord attempt(
            String runId, String path, int number, TaskState state, Optional<Integer> exitCode) {
        return new AttemptRecord(
                runId,
                path,
                number,
                "local",
                Optional.of("pid:" + number),
                state,
                exitCode,
                none(),
                T0.plusSeconds(number),
                none(),
                exitCode.filter(c -> c != 0).map(c -> "exit code " + c));
    }

    protected static CacheEntry cacheEntry(String key, String runId, String path, Map<String, Object> outputs) {
        return new CacheEntry(
                key,
                "image, command, args, inputs",
                runId,
                path,
                outputs,
                Map.of(
                        "model",
                        List.of(new ArtifactRef(
                                "model", "s3://b/" + key, "system.Model", Map.of(), Optional.of("ef".repeat(32))))),
                T0.truncatedTo(ChronoUnit.MILLIS));
    }

    protected static RunQuery query(int pageSize, Optional<String> token) {
        return new RunQuery(none(), none(), none(), none(), pageSize, token);
    }

    private List<String> ids(RunQuery query) {
        return store.listRuns(query).items().stream().map(RunRecord::id).toList();
    }

    protected static <T> Optional<T> none() {
        return Optional.empty();
    }
}
