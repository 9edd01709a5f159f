package io.ponte.pipelines.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.pipelines.adapter.RunStoreContractTest;
import io.ponte.pipelines.spi.RunClaim;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.RunStore;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store passes the run store contract, and its run claims behave as the port says.
 * The claim cases belong in {@link RunStoreContractTest} once the PostgreSQL store has claims.
 */
class InMemoryRunStoreTest extends RunStoreContractTest {

    @Override
    protected RunStore emptyStore() {
        return new InMemoryRunStore();
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

        assertThat(store.run(run.id()).orElseThrow().revision()).isEqualTo(run.revision());
        assertThat(store.claimRun("no-such-run", "runner-a", T0, T0.plusSeconds(30)))
                .isEmpty();
    }
}
