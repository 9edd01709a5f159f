package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.ir.DagIr;
import io.ponte.pipelines.core.ir.IteratorIr;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A ParallelFor: one iteration node per item ({@code root/for-loop-2[0]}, ...), at most {@code
 * parallelismLimit} running at once; when all are final, their outputs are collected into lists
 * (fan-in) and the loop ends.
 */
final class LoopExecution {

    private final RunExecution run;

    LoopExecution(RunExecution run) {
        this.run = run;
    }

    /** The loop's inputs are resolved: creates its iterations and starts the first ones. */
    void start(Node loop) {
        List<Object> items;
        try {
            items = Loops.items(loop);
        } catch (IllegalArgumentException e) {
            run.finish(loop, TaskState.FAILED, Optional.empty(), Optional.of(e.getMessage()));
            return;
        }
        run.writer.markRunning(loop);
        int limit = loop.task.iterator().orElseThrow().parallelismLimit();
        List<Node> fresh = new ArrayList<>();
        Set<Node> startNow = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Node it = iteration(loop, i, items.get(i));
            TaskRecord prev = run.stored.get(it.path);
            if (prev != null) {
                it.record = prev;
                if (Expansion.keeps(run.mode, prev)) {
                    it.outputs = new LinkedHashMap<>(prev.outputParameters());
                    it.outputArtifacts = new LinkedHashMap<>(prev.outputArtifacts());
                    continue;
                }
            } else {
                fresh.add(it);
            }
            if (!run.cancelling && (limit <= 0 || loop.openChildren < limit)) {
                startNow.add(it); // startIterations below starts it
            }
            loop.openChildren++;
        }
        // The new iterations' first records, in one transaction before any of them starts; those
        // that start at once (within the parallelism limit) are stored RUNNING already, so that
        // starting them writes nothing more.
        Instant now = Instant.now();
        List<TaskRecord> records = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            Node it = fresh.get(i);
            TaskRecord r = TaskUpdate.fresh(run.runId(), it.path, it.name(), Optional.empty());
            if (startNow.contains(it)) {
                TaskUpdate u = new TaskUpdate(r);
                u.state = TaskState.RUNNING;
                u.inputParameters = it.inputs;
                u.startedAt = Optional.of(now);
                r = u.toRecord();
            }
            records.add(r);
        }
        List<TaskRecord> stored = run.writer.insertAll(records);
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).record = stored.get(i);
            if (stored.get(i).state() == TaskState.RUNNING) {
                run.ctx.events().taskChanged(stored.get(i));
            }
        }
        if (loop.openChildren == 0) {
            complete(loop);
            return;
        }
        startIterations(loop);
    }

    private Node iteration(Node loop, int i, Object item) {
        IteratorIr iterator = loop.task.iterator().orElseThrow();
        Node it = new Node(loop.path + "[" + i + "]", loop, null, loop.component, Node.Kind.ITERATION, null, "dag");
        it.index = i;
        it.item = item;
        Map<String, Object> inputs = new LinkedHashMap<>(loop.inputs);
        Map<String, List<ArtifactRef>> arts = new LinkedHashMap<>(loop.inputArtifacts);
        if (iterator.source() instanceof IteratorIr.ArtifactItems) {
            arts.put(iterator.itemInput(), List.of((ArtifactRef) item));
        } else {
            inputs.put(iterator.itemInput(), item);
        }
        it.inputs = inputs;
        it.inputArtifacts = arts;
        run.nodes.put(it.path, it);
        loop.iterations.add(it);
        return it;
    }

    /** Starts iterations while the parallelism limit allows; completes the loop when none is open. */
    void startIterations(Node loop) {
        int limit = loop.task.iterator().orElseThrow().parallelismLimit();
        List<Node> starting = new ArrayList<>();
        while (loop.nextIteration < loop.iterations.size() && (limit <= 0 || loop.runningIterations < limit)) {
            Node it = loop.iterations.get(loop.nextIteration++);
            if (it.isFinal()) {
                continue;
            }
            if (run.cancelling) {
                run.save(it, u -> {
                    u.state = TaskState.CANCELED;
                    u.statusDetail = Optional.of("the run was terminated before the iteration started");
                    u.finishedAt = Optional.of(Instant.now());
                });
                loop.openChildren--;
                continue;
            }
            loop.runningIterations++;
            if (it.state() != TaskState.RUNNING) {
                run.writer.markRunning(it);
            }
            starting.add(it);
        }
        if (!starting.isEmpty()) {
            run.expansion.instantiateAll(starting);
        }
        if (loop.openChildren == 0 && !loop.isFinal()) {
            complete(loop);
        }
    }

    /** Every iteration is final: the loop's outputs are the lists of its iterations' outputs. */
    void complete(Node loop) {
        DagIr dag = loop.component.dag().orElseThrow();
        for (String name : dag.outputParameters().keySet()) {
            List<Object> values = new ArrayList<>();
            loop.iterations.stream()
                    .filter(i -> i.outputs.containsKey(name))
                    .forEach(i -> values.add(i.outputs.get(name)));
            loop.outputs.put(name, values);
        }
        for (String name : dag.outputArtifacts().keySet()) {
            List<ArtifactRef> values = new ArrayList<>();
            loop.iterations.stream()
                    .filter(i -> i.outputArtifacts.containsKey(name))
                    .forEach(i -> values.addAll(i.outputArtifacts.get(name)));
            loop.outputArtifacts.put(name, values);
        }
        run.finish(
                loop,
                Completion.aggregate(loop.iterations),
                Optional.of(loop.iterations.size() + " iterations"),
                Completion.failure(loop.iterations));
    }
}
