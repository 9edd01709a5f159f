package io.ponte.pipelines.core.ir;

import io.ponte.pipelines.core.cel.Cel;
import io.ponte.pipelines.core.cel.CelException;
import io.ponte.pipelines.core.ir.DagIr.OutputSelector;
import io.ponte.pipelines.core.placeholder.Placeholders;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a mapped pipeline is consistent: components and executors exist, dependencies name
 * sibling tasks and form no cycle, inputs reference outputs and inputs that exist, DAG outputs
 * select existing subtask outputs, components do not contain themselves. Throws on the first
 * problem, naming its IR path.
 */
final class IrValidator {

    private final PipelineIr ir;

    IrValidator(PipelineIr ir) {
        this.ir = ir;
    }

    void validate() {
        for (ComponentIr c : ir.components().values()) {
            c.executorLabel().ifPresent(label -> {
                if (!ir.executors().containsKey(label)) {
                    throw new IrException(
                            c.path() + ".executorLabel",
                            "executor " + label + " is not defined in deploymentSpec.executors");
                }
            });
        }
        if (ir.root().dag().isEmpty()) {
            throw new IrException("root", "the root component must have a dag");
        }
        checkDag(ir.root());
        for (ComponentIr c : ir.components().values()) {
            if (c.isDag()) {
                checkDag(c);
            }
        }
        checkNoComponentCycle();
        for (ComponentIr c : ir.components().values()) {
            c.executorLabel().map(l -> ir.executors().get(l)).ifPresent(e -> {
                if (e instanceof ExecutorIr.Container container) {
                    checkPlaceholders(c, container);
                }
            });
        }
    }

    private void checkPlaceholders(ComponentIr c, ExecutorIr.Container container) {
        String base = "deploymentSpec.executors." + container.label() + ".container.";
        check(c, base + "command", container.command());
        check(c, base + "args", container.args());
        int i = 0;
        for (String value : container.env().values()) {
            check(c, base + "env[" + i++ + "].value", List.of(value));
        }
    }

    private static void check(ComponentIr c, String path, List<String> templates) {
        for (int i = 0; i < templates.size(); i++) {
            for (String ref : Placeholders.references(templates.get(i))) {
                int dot = ref.indexOf('.', ref.indexOf('.') + 1);
                String kind = ref.substring(0, dot);
                String name = ref.substring(dot + 1);
                boolean known = switch (kind) {
                    case "inputs.parameters" -> c.inputParameters().containsKey(name);
                    case "inputs.artifacts" -> c.inputArtifacts().containsKey(name);
                    case "outputs.parameters" -> c.outputParameters().containsKey(name);
                    default -> c.outputArtifacts().containsKey(name);
                };
                if (!known) {
                    String what = kind.replace("inputs.parameters", "input parameter")
                            .replace("inputs.artifacts", "input artifact")
                            .replace("outputs.parameters", "output parameter")
                            .replace("outputs.artifacts", "output artifact");
                    throw new IrException(
                            path + "[" + i + "]",
                            "unresolvable placeholder: " + c.name() + " declares no " + what + " " + name);
                }
            }
        }
    }

    private void checkDag(ComponentIr owner) {
        DagIr dag = owner.dag().orElseThrow();
        String dagPath = owner.path() + ".dag";
        if (dag.tasks().isEmpty() && owner.name().equals("root")) {
            throw new IrException(dagPath + ".tasks", "the pipeline has no tasks");
        }
        for (TaskIr task : dag.tasks().values()) {
            checkTask(owner, dag, task);
        }
        checkNoCycle(dag, dagPath);
        dag.outputParameters().forEach((name, out) -> {
            for (OutputSelector s : out.selectors()) {
                String at = dagPath + ".outputs.parameters." + name;
                ComponentIr producer = producer(dag, s.producerSubtask(), at);
                if (!producer.outputParameters().containsKey(s.outputKey())) {
                    throw new IrException(
                            at, "task " + s.producerSubtask() + " has no output parameter " + s.outputKey());
                }
            }
        });
        dag.outputArtifacts().forEach((name, selectors) -> {
            for (OutputSelector s : selectors) {
                String at = dagPath + ".outputs.artifacts." + name;
                ComponentIr producer = producer(dag, s.producerSubtask(), at);
                if (!producer.outputArtifacts().containsKey(s.outputKey())) {
                    throw new IrException(
                            at, "task " + s.producerSubtask() + " has no output artifact " + s.outputKey());
                }
            }
        });
    }

    private ComponentIr producer(DagIr dag, String taskName, String at) {
        TaskIr t = dag.tasks().get(taskName);
        if (t == null) {
            throw new IrException(at, "task " + taskName + " is not in this DAG");
        }
        return ir.components().get(t.componentRef());
    }

    private void checkTask(ComponentIr owner, DagIr dag, TaskIr task) {
        ComponentIr component = ir.components().get(task.componentRef());
        if (component == null) {
            throw new IrException(
                    task.path() + ".componentRef.name", "component " + task.componentRef() + " is not defined");
        }
        for (int i = 0; i < task.dependentTasks().size(); i++) {
            String dep = task.dependentTasks().get(i);
            if (!dag.tasks().containsKey(dep)) {
                throw new IrException(
                        task.path() + ".dependentTasks[" + i + "]", "task " + dep + " is not in the same DAG");
            }
            if (dep.equals(task.name())) {
                throw new IrException(task.path() + ".dependentTasks[" + i + "]", "a task cannot depend on itself");
            }
        }
        task.parameters().forEach((name, input) -> {
            String at = task.path() + ".inputs.parameters." + name;
            switch (input) {
                case ParameterInput.TaskOutput o -> {
                    ComponentIr p = producer(dag, o.producerTask(), at + ".taskOutputParameter");
                    if (!p.outputParameters().containsKey(o.outputKey())) {
                        throw new IrException(
                                at + ".taskOutputParameter",
                                "task " + o.producerTask() + " has no output parameter " + o.outputKey());
                    }
                }
                case ParameterInput.ComponentInput c -> {
                    if (!owner.inputParameters().containsKey(c.name())) {
                        throw new IrException(
                                at + ".componentInputParameter", owner.name() + " has no input parameter " + c.name());
                    }
                }
                case ParameterInput.FinalStatus f -> producer(dag, f.producerTask(), at + ".taskFinalStatus");
                case ParameterInput.Constant k -> {}
            }
        });
        task.artifacts().forEach((name, input) -> {
            String at = task.path() + ".inputs.artifacts." + name;
            switch (input) {
                case ArtifactInput.TaskOutput o -> {
                    ComponentIr p = producer(dag, o.producerTask(), at + ".taskOutputArtifact");
                    if (!p.outputArtifacts().containsKey(o.outputKey())) {
                        throw new IrException(
                                at + ".taskOutputArtifact",
                                "task " + o.producerTask() + " has no output artifact " + o.outputKey());
                    }
                }
                case ArtifactInput.ComponentInput c -> {
                    if (!owner.inputArtifacts().containsKey(c.name())) {
                        throw new IrException(
                                at + ".componentInputArtifact", owner.name() + " has no input artifact " + c.name());
                    }
                }
            }
        });
        task.iterator()
                .ifPresent(it -> it.inputName().ifPresent(in -> {
                    boolean known = it.source() instanceof IteratorIr.ArtifactItems
                            ? task.artifacts().containsKey(in)
                            : task.parameters().containsKey(in);
                    if (!known) {
                        throw new IrException(
                                task.path()
                                        + (it.source() instanceof IteratorIr.ArtifactItems
                                                ? ".artifactIterator.items.inputArtifact"
                                                : ".parameterIterator.items.inputParameter"),
                                "the task has no input " + in);
                    }
                }));
        task.condition().ifPresent(cond -> {
            try {
                Cel.parse(cond);
            } catch (CelException e) {
                throw new IrException(
                        task.path() + ".triggerPolicy.condition", "not a valid condition: " + e.getMessage());
            }
        });
        String itemInput = task.iterator().map(IteratorIr::itemInput).orElse(null);
        component.inputParameters().forEach((name, def) -> {
            if (!def.optional()
                    && !task.parameters().containsKey(name)
                    && !name.equals(itemInput)
                    && !isItemVariant(name, itemInput)) {
                throw new IrException(
                        task.path() + ".inputs.parameters",
                        "required input parameter " + name + " of " + component.name() + " is not given");
            }
        });
    }

    /** A loop body may declare sub-fields of the item ({@code ...-loop-item-subvar-x}) as inputs. */
    private static boolean isItemVariant(String name, String itemInput) {
        return itemInput != null && name.startsWith(itemInput);
    }

    private static void checkNoCycle(DagIr dag, String dagPath) {
        Map<String, Set<String>> deps = new HashMap<>();
        for (TaskIr t : dag.tasks().values()) {
            deps.put(t.name(), Tasks.upstream(t));
        }
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (String start : dag.tasks().keySet()) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> stack = new ArrayDeque<>();
            Deque<java.util.Iterator<String>> iters = new ArrayDeque<>();
            stack.push(start);
            iters.push(deps.get(start).iterator());
            state.put(start, 1);
            while (!stack.isEmpty()) {
                java.util.Iterator<String> it = iters.peek();
                if (it.hasNext()) {
                    String next = it.next();
                    Integer s = state.get(next);
                    if (s == null) {
                        state.put(next, 1);
                        stack.push(next);
                        iters.push(deps.getOrDefault(next, Set.of()).iterator());
                    } else if (s == 1) {
                        List<String> cycle = new ArrayList<>();
                        cycle.add(next);
                        for (String n : stack) {
                            cycle.add(n);
                            if (n.equals(next)) {
                                break;
                            }
                        }
                        java.util.Collections.reverse(cycle);
                        throw new IrException(
                                dagPath + ".tasks." + next + ".dependentTasks",
                                "dependency cycle: " + String.join(" -> ", cycle));
                    }
                } else {
                    state.put(stack.pop(), 2);
                    iters.pop();
                }
            }
        }
    }

    private void checkNoComponentCycle() {
        Map<String, Integer> state = new HashMap<>();
        visitComponent(ir.root(), state, new ArrayDeque<>());
    }

    private void visitComponent(ComponentIr c, Map<String, Integer> state, Deque<String> trail) {
        if (c.dag().isEmpty()) {
            return;
        }
        Integer s = state.get(c.name());
        if (s != null && s == 2) {
            return;
        }
        state.put(c.name(), 1);
        trail.addLast(c.name());
        for (TaskIr t : c.dag().get().tasks().values()) {
            ComponentIr child = ir.components().get(t.componentRef());
            Integer cs = state.get(child.name());
            if (cs != null && cs == 1) {
                throw new IrException(
                        t.path() + ".componentRef.name",
                        "component " + child.name() + " contains itself: " + String.join(" -> ", trail) + " -> "
                                + child.name());
            }
            visitComponent(child, state, trail);
        }
        trail.removeLast();
        state.put(c.name(), 2);
    }
}
