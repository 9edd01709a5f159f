package io.ponte.bench.pipelines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipelines the benchmark runs, written as the KFP SDK compiles them (PipelineSpec, schema 2.1.0) and in JSON: a
 * component shared by many tasks, {@code dependentTasks} for ordering, {@code parameterIterator} with {@code raw}
 * items for a ParallelFor, and the loop's collected output feeding the fan-in task as {@code taskOutputParameter}.
 */
final class SyntheticIr {

    /** The image the {@link NoopExecutor} runs; no other executor is asked to run it. */
    static final String NOOP_IMAGE = "ponte-bench/noop:1";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyntheticIr() {}

    /**
     * Fan-out / fan-in in the root DAG: {@code source}, then {@code tasks - 2} tasks that each depend on it, then
     * {@code sink} depending on all of them. Every task runs {@code image} with {@code command}.
     */
    static String rootFanOut(String name, int tasks, String image, List<String> command) {
        ObjectNode spec = spec(name);
        spec.withObjectProperty("components").set("comp-step", component("exec-step", null, null));
        spec.withObjectProperty("deploymentSpec")
                .withObjectProperty("executors")
                .set("exec-step", container(image, command, List.of()));
        ObjectNode dag =
                spec.withObjectProperty("root").withObjectProperty("dag").withObjectProperty("tasks");
        dag.set("source", task("source", "comp-step", List.of()));
        List<String> middle = new ArrayList<>(tasks - 2);
        for (int i = 1; i <= tasks - 2; i++) {
            String t = "work-" + i;
            middle.add(t);
            dag.set(t, task(t, "comp-step", List.of("source")));
        }
        dag.set("sink", task("sink", "comp-step", middle));
        return write(spec);
    }

    /** A chain of {@code tasks} tasks, each depending on the one before, running {@code image} with {@code command}. */
    static String chain(String name, int tasks, String image, List<String> command) {
        ObjectNode spec = spec(name);
        spec.withObjectProperty("components").set("comp-step", component("exec-step", null, null));
        spec.withObjectProperty("deploymentSpec")
                .withObjectProperty("executors")
                .set("exec-step", container(image, command, List.of()));
        ObjectNode dag =
                spec.withObjectProperty("root").withObjectProperty("dag").withObjectProperty("tasks");
        for (int i = 1; i <= tasks; i++) {
            dag.set("step-" + i, task("step-" + i, "comp-step", i == 1 ? List.of() : List.of("step-" + (i - 1))));
        }
        return write(spec);
    }

    /**
     * {@code ParallelFor} over {@code items} integers (no parallelism limit), whose body {@code work} writes its
     * item as output parameter {@code Output}; {@code collect} gets the collected list (fan-in). No-op executor.
     */
    static String parallelFor(String name, int items) {
        ObjectNode spec = spec(name);
        ObjectNode components = spec.withObjectProperty("components");
        components.set(
                "comp-work",
                component(
                        "exec-work",
                        params("x", "NUMBER_INTEGER"),
                        F.objectNode().set("parameters", params("Output", "NUMBER_INTEGER"))));
        components.set("comp-collect", component("exec-collect", params("xs", "LIST"), null));
        String item = "pipelinechannel--loop-item-param-1";
        String collected = "pipelinechannel--work-Output";
        ObjectNode loop = F.objectNode();
        loop.set("inputDefinitions", F.objectNode().set("parameters", params(item, "NUMBER_INTEGER")));
        loop.set("outputDefinitions", F.objectNode().set("parameters", params(collected, "LIST")));
        ObjectNode loopDag = loop.withObjectProperty("dag");
        loopDag.withObjectProperty("outputs")
                .withObjectProperty("parameters")
                .withObjectProperty(collected)
                .withObjectProperty("valueFromParameter")
                .put("producerSubtask", "work")
                .put("outputParameterKey", "Output");
        ObjectNode work = task("work", "comp-work", List.of());
        work.withObjectProperty("inputs")
                .withObjectProperty("parameters")
                .withObjectProperty("x")
                .put("componentInputParameter", item);
        loopDag.withObjectProperty("tasks").set("work", work);
        components.set("comp-for-loop-1", loop);
        ObjectNode executors = spec.withObjectProperty("deploymentSpec").withObjectProperty("executors");
        executors.set(
                "exec-work",
                container(
                        NOOP_IMAGE,
                        List.of("noop"),
                        List.of("{{$.outputs.parameters['Output'].output_file}}", "{{$.inputs.parameters['x']}}")));
        executors.set("exec-collect", container(NOOP_IMAGE, List.of("noop"), List.of("{{$.inputs.parameters['xs']}}")));
        ObjectNode tasks =
                spec.withObjectProperty("root").withObjectProperty("dag").withObjectProperty("tasks");
        ObjectNode forLoop = task("for-loop-1", "comp-for-loop-1", List.of());
        ArrayNode raw = F.arrayNode();
        for (int i = 0; i < items; i++) {
            raw.add(i);
        }
        ObjectNode iterator = forLoop.withObjectProperty("parameterIterator");
        iterator.put("itemInput", item);
        iterator.withObjectProperty("items").put("raw", raw.toString());
        tasks.set("for-loop-1", forLoop);
        ObjectNode collect = task("collect", "comp-collect", List.of("for-loop-1"));
        collect.withObjectProperty("inputs")
                .withObjectProperty("parameters")
                .withObjectProperty("xs")
                .withObjectProperty("taskOutputParameter")
                .put("producerTask", "for-loop-1")
                .put("outputParameterKey", collected);
        tasks.set("collect", collect);
        return write(spec);
    }

    /**
     * {@code lanes} independent chains of {@code depth} tasks, then {@code done} after all of them. Task
     * {@code lane-L-step-S} runs {@code sh -c 'echo NAME >> LEDGER; sleep SECONDS'} on the local executor: lanes
     * below {@code fastLanes} sleep {@code fastSeconds}, the others {@code slowSeconds}. The ledger (a root
     * parameter) records every execution of every task's script.
     */
    static String lanes(int lanes, int depth, int fastLanes, String fastSeconds, String slowSeconds) {
        ObjectNode spec = spec("bench-resume-lanes");
        ObjectNode inputs = params("name", "STRING");
        inputs.set("ledger", F.objectNode().put("parameterType", "STRING"));
        inputs.set("seconds", F.objectNode().put("parameterType", "STRING"));
        spec.withObjectProperty("components").set("comp-step", component("exec-step", inputs, null));
        spec.withObjectProperty("deploymentSpec")
                .withObjectProperty("executors")
                .set(
                        "exec-step",
                        container(
                                "alpine",
                                List.of("sh", "-c", "echo \"$0\" >> \"$1\"; sleep \"$2\""),
                                List.of(
                                        "{{$.inputs.parameters['name']}}",
                                        "{{$.inputs.parameters['ledger']}}",
                                        "{{$.inputs.parameters['seconds']}}")));
        spec.withObjectProperty("root")
                .withObjectProperty("inputDefinitions")
                .set("parameters", params("ledger", "STRING"));
        ObjectNode tasks =
                spec.withObjectProperty("root").withObjectProperty("dag").withObjectProperty("tasks");
        List<String> last = new ArrayList<>();
        for (int l = 0; l < lanes; l++) {
            String seconds = l < fastLanes ? fastSeconds : slowSeconds;
            for (int s = 1; s <= depth; s++) {
                String name = "lane-" + l + "-step-" + s;
                ObjectNode t = task(name, "comp-step", s == 1 ? List.of() : List.of("lane-" + l + "-step-" + (s - 1)));
                stepInputs(t, name, seconds);
                tasks.set(name, t);
            }
            last.add("lane-" + l + "-step-" + depth);
        }
        ObjectNode done = task("done", "comp-step", last);
        stepInputs(done, "done", "0");
        tasks.set("done", done);
        return write(spec);
    }

    private static void stepInputs(ObjectNode task, String name, String seconds) {
        ObjectNode p = task.withObjectProperty("inputs").withObjectProperty("parameters");
        p.withObjectProperty("name").withObjectProperty("runtimeValue").put("constant", name);
        p.withObjectProperty("seconds").withObjectProperty("runtimeValue").put("constant", seconds);
        p.withObjectProperty("ledger").put("componentInputParameter", "ledger");
    }

    private static ObjectNode spec(String name) {
        ObjectNode spec = F.objectNode();
        spec.withObjectProperty("pipelineInfo").put("name", name);
        spec.put("schemaVersion", "2.1.0");
        spec.put("sdkVersion", "kfp-2.14.3");
        return spec;
    }

    private static ObjectNode component(String executor, ObjectNode inputParams, ObjectNode outputDefinitions) {
        ObjectNode c = F.objectNode();
        c.put("executorLabel", executor);
        if (inputParams != null) {
            c.set("inputDefinitions", F.objectNode().set("parameters", inputParams));
        }
        if (outputDefinitions != null) {
            c.set("outputDefinitions", outputDefinitions);
        }
        return c;
    }

    private static ObjectNode params(String name, String type) {
        ObjectNode p = F.objectNode();
        p.withObjectProperty(name).put("parameterType", type);
        return p;
    }

    private static ObjectNode container(String image, List<String> command, List<String> args) {
        ObjectNode c = F.objectNode();
        ObjectNode container = c.withObjectProperty("container");
        container.put("image", image);
        ArrayNode cmd = container.putArray("command");
        command.forEach(cmd::add);
        if (!args.isEmpty()) {
            ArrayNode a = container.putArray("args");
            args.forEach(a::add);
        }
        return c;
    }

    private static ObjectNode task(String name, String component, List<String> after) {
        ObjectNode t = F.objectNode();
        t.withObjectProperty("componentRef").put("name", component);
        t.withObjectProperty("taskInfo").put("name", name);
        if (!after.isEmpty()) {
            ArrayNode deps = t.putArray("dependentTasks");
            after.forEach(deps::add);
        }
        return t;
    }

    private static String write(ObjectNode spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
