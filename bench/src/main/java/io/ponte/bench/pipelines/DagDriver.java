package io.ponte.bench.pipelines;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Runs the dependency structure of a section 2 pipeline without the runner, for the baselines: a chain one task
 * after another, a fan-out as {@code source}, then the middle tasks with at most {@code limit} running at once (the
 * runner's {@code max-running-tasks-per-run}), then {@code sink}.
 */
final class DagDriver {

    /** Starts task {@code index} and completes when it has ended successfully. */
    interface Starter {
        CompletableFuture<?> start(int index) throws Exception;
    }

    private DagDriver() {}

    static void chain(int tasks, Starter starter) throws Exception {
        for (int i = 0; i < tasks; i++) {
            starter.start(i).get();
        }
    }

    static void fanOut(int tasks, int limit, Starter starter) throws Exception {
        starter.start(0).get();
        Semaphore slots = new Semaphore(limit);
        List<CompletableFuture<?>> middle = new ArrayList<>(tasks - 2);
        for (int i = 1; i <= tasks - 2; i++) {
            slots.acquire();
            CompletableFuture<?> f = starter.start(i);
            middle.add(f.whenComplete((v, e) -> slots.release()));
        }
        CompletableFuture.allOf(middle.toArray(CompletableFuture[]::new)).get();
        starter.start(tasks - 1).get();
    }
}
