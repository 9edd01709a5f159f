package io.ponte.pipelines.core.ir;

import java.util.LinkedHashSet;
import java.util.Set;

/** Facts about tasks that the validator, the planner and the engine share. */
public final class Tasks {

    private Tasks() {}

    /** The sibling tasks a task waits for: its dependentTasks plus every task whose outputs it reads. */
    public static Set<String> upstream(TaskIr t) {
        Set<String> up = new LinkedHashSet<>(t.dependentTasks());
        for (ParameterInput p : t.parameters().values()) {
            switch (p) {
                case ParameterInput.TaskOutput o -> up.add(o.producerTask());
                case ParameterInput.FinalStatus f -> up.add(f.producerTask());
                default -> {}
            }
        }
        for (ArtifactInput a : t.artifacts().values()) {
            if (a instanceof ArtifactInput.TaskOutput o) {
                up.add(o.producerTask());
            }
        }
        return up;
    }
}
