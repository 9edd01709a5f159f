package io.ponte.pipelines.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.spi.RunEvents;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several runners on one store: a run executes on the runner that holds its claim, another runner
 * takes it over only once that claim ended, a runner that lost its claim stops without failing
 * anything, and a write that lost a race is re-applied rather than failing the task.
 */
class EngineClaimsTest {

    private static final Duration LEASE = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    TestEngines t;
    final List<Engine> runners = new ArrayList<>();
    Path starts;
    Path gate;

    @BeforeEach
    void setUp() {
        t = new TestEngines(dir);
        starts = dir.resolve("starts");
        gate = dir.resolve("gate");
    }

    @AfterEach
    void tearDown() {
        runners.forEach(Engine::close);
        t.close();
    }

    private Engine runner(String id, Clock clock) {
        EngineSettings settings = EngineSettings.defaults(dir.resolve("work")).withRunner(id, LEASE, clock);
        Engine e = new Engine(settings, t.store, t.objects, RunEvents.NONE, Map.of("local", t.local));
        runners.add(e);
        return e;
    }

    /** One task that notes each start, then waits for the gate file. */
    private RunRecord gatedRun(Engine on) {
        String script = "echo started >> " + starts + "; while [ ! -f " + gate + " ]; do sleep 0.05; done;"
                + " echo done > \"$1\"";
        RunRecord run = on.create(TestEngines.uncached(Pipelines.single(script, "", ""), Map.of("p", "x")));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> t.store
                        .task(run.id(), "root/t")
                        .map(r -> r.state() == TaskState.RUNNING)
                        .orElse(false));
        return run;
    }

    private void assertRanOnceAndSucceeded(RunRecord run) throws Exception {
        Files.writeString(gate, "go");
        RunRecord end = t.awaitEnd(run.id());
        assertThat(end.state()).as("%s", t.store.tasks(run.id())).isEqualTo(RunState.SUCCEEDED);
        assertThat(Files.readAllLines(starts))
                .as("the task's process started once")
                .hasSize(1);
        TaskRecord task = t.task(run.id(), "root/t");
        assertThat(task.state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(task.error()).isEmpty();
        assertThat(task.outputParameters()).containsEntry("out", "done\n");
        assertThat(t.store.attempts(run.id(), "root/t"))
                .extracting(a -> a.state())
                .containsExactly(TaskState.SUCCEEDED);
    }

    @Test
    void a_run_held_by_a_live_runner_is_not_resumed_by_another() throws Exception {
        Engine a = runner("runner-a", Clock.systemUTC());
        RunRecord run = gatedRun(a);

        Engine b = runner("runner-b", Clock.systemUTC());

        assertThat(b.resumeAll()).isZero();
        assertThat(b.isActive(run.id())).isFalse();
        assertRanOnceAndSucceeded(run);
    }

    @Test
    void a_run_whose_runner_stopped_is_taken_over_once_its_claim_ends() throws Exception {
        Engine a = runner("runner-a", Clock.systemUTC());
        RunRecord run = gatedRun(a);
        a.close(); // stops renewing, as a killed runner would; its task keeps running
        Engine b = runner("runner-b", Clock.systemUTC());

        assertThat(b.resumeAll()).as("runner-a's claim has not ended yet").isZero();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> b.resumeAll() == 1);

        assertThat(b.isActive(run.id())).isTrue();
        assertRanOnceAndSucceeded(run);
    }

    @Test
    void a_runner_that_lost_its_claim_stops_and_the_new_holder_finishes_the_run() throws Exception {
        Engine a = runner("runner-a", Clock.systemUTC());
        RunRecord run = gatedRun(a);
        // runner-b's clock is an hour ahead: to it, runner-a's claim ended long ago (runner-a was
        // paused, say), so it takes the run over while runner-a still executes it.
        Engine b = runner("runner-b", Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));

        assertThat(b.resumeAll()).isEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !a.isActive(run.id()));
        assertThat(b.isActive(run.id())).isTrue();
        assertRanOnceAndSucceeded(run);
    }

    @Test
    void terminate_asked_on_another_runner_reaches_the_runner_that_holds_the_run() {
        Engine a = runner("runner-a", Clock.systemUTC());
        RunRecord run = gatedRun(a);
        Engine b = runner("runner-b", Clock.systemUTC());

        RunRecord asked = b.terminate(run.id());

        assertThat(asked.state()).isEqualTo(RunState.CANCELING);
        assertThat(b.isActive(run.id())).isFalse();
        RunRecord end = t.awaitEnd(run.id());
        assertThat(end.state()).isEqualTo(RunState.CANCELED);
        assertThat(t.task(run.id(), "root/t").state()).isEqualTo(TaskState.CANCELED);
    }

    @Test
    void a_task_write_that_lost_a_race_is_applied_again_to_what_is_stored() throws Exception {
        Engine a = runner("runner-a", Clock.systemUTC());
        RunRecord run = gatedRun(a);
        TaskRecord stored = t.task(run.id(), "root/t");
        // Another writer (an operator's tool, a runner on a store without claims) changes the task.
        TaskUpdate touch = new TaskUpdate(stored);
        touch.statusDetail = Optional.of("looked at by an operator");
        t.store.upsertTask(touch.toRecord());

        assertRanOnceAndSucceeded(run);
        assertThat(a.isActive(run.id())).isFalse();
    }
}
