package io.ponte.pipelines.core.plan;

import io.ponte.pipelines.core.ir.ComponentIr;
import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.spi.TaskLaunch.Placement;
import java.util.List;
import java.util.Optional;

/**
 * One task of the static plan.
 *
 * @param path the task path: {@code root/<task>}, nested DAGs add a segment per level ({@code
 *     root/for-loop-2/train}); at run time iterations add an index ({@code root/for-loop-2[0]/train})
 * @param parent the enclosing DAG task's path, or {@code root}
 * @param task the IR task
 * @param component its component
 * @param executor the container or importer executor, empty for a DAG
 * @param executorName the executor that will run it ({@code local}, {@code kubernetes}, {@code
 *     offload}), or {@code dag} / {@code importer} when nothing is launched
 * @param placement the placement asked for, if any
 * @param dependsOn the paths of the sibling tasks it waits for
 * @param children the paths of its subtasks, for a DAG
 */
public record PlannedTask(
        String path,
        String parent,
        TaskIr task,
        ComponentIr component,
        Optional<ExecutorIr> executor,
        String executorName,
        Optional<Placement> placement,
        List<String> dependsOn,
        List<String> children) {

    /** What kind of node this is. */
    public enum Kind {
        CONTAINER,
        IMPORTER,
        DAG,
        UNSUPPORTED
    }

    public Kind kind() {
        if (executor.isEmpty()) {
            return Kind.DAG;
        }
        return switch (executor.get()) {
            case ExecutorIr.Container c -> Kind.CONTAINER;
            case ExecutorIr.Importer i -> Kind.IMPORTER;
            case ExecutorIr.Unsupported u -> Kind.UNSUPPORTED;
        };
    }
}
