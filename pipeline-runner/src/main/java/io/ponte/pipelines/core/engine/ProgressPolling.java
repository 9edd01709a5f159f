package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskProgress;
import io.ponte.pipelines.spi.TaskState;
import java.util.Collection;
import java.util.Optional;

/** Copies running attempts' progress (Kueue admission and queue position, Slurm state) into their tasks. */
final class ProgressPolling {

    private ProgressPolling() {}

    static void poll(RunExecution run, Collection<Node> active) {
        for (Node n : active) {
            TaskHandle h = n.handle;
            if (h == null) {
                continue;
            }
            TaskProgress p;
            try {
                p = h.progress();
            } catch (RuntimeException e) {
                continue;
            }
            if (p.phase() != TaskProgress.Phase.QUEUED && p.phase() != TaskProgress.Phase.RUNNING) {
                continue;
            }
            TaskState state = p.phase() == TaskProgress.Phase.QUEUED ? TaskState.QUEUED : TaskState.RUNNING;
            boolean moved = n.record.state() != state && !n.record.state().isFinal();
            if (moved || !n.record.statusDetail().equals(Optional.ofNullable(p.detail()))) {
                run.save(n, u -> {
                    u.state = state;
                    u.statusDetail = Optional.ofNullable(p.detail());
                });
            }
        }
    }
}
