package io.ponte.pipelines.core.engine;

import io.ponte.pipelines.core.plan.Plan;
import io.ponte.pipelines.core.plan.PlannedTask;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The tasks a rerun from one task runs again: the task, what it contains, what depends on it, and its enclosing DAGs. */
final class Downstream {

    private Downstream() {}

    static Set<String> of(Plan plan, String from) {
        Map<String, List<String>> dependents = new HashMap<>();
        for (Plan.Edge e : plan.edges()) {
            dependents
                    .computeIfAbsent(e.from(), k -> new java.util.ArrayList<>())
                    .add(e.to());
        }
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(from);
        // Enclosing DAGs re-run (their other children are kept), and so does whatever depends on them.
        for (String p = parentOf(plan, from); p != null && !p.equals("root"); p = parentOf(plan, p)) {
            out.add(p);
            dependents.getOrDefault(p, List.of()).forEach(todo::add);
        }
        while (!todo.isEmpty()) {
            String t = todo.poll();
            if (!out.add(t)) {
                continue;
            }
            PlannedTask task = plan.tasks().get(t);
            if (task != null) {
                todo.addAll(task.children());
            }
            dependents.getOrDefault(t, List.of()).forEach(todo::add);
        }
        return out;
    }

    private static String parentOf(Plan plan, String path) {
        PlannedTask t = plan.tasks().get(path);
        return t == null ? null : t.parent();
    }
}
