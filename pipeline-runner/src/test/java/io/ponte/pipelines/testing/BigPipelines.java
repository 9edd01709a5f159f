package io.ponte.pipelines.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Big synthetic IR as the KFP compiler writes it (JSON): one task {@code step-0} and {@code n - 1}
 * tasks that depend on it, all in the root DAG.
 */
public final class BigPipelines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BigPipelines() {}

    /**
     * Every task with its own component and executor (as the compiler emits them for distinct
     * components), each carrying a lightweight-component-sized inline program: some 1.5 KB a task.
     */
    public static String componentPerTask(int n) {
        ObjectNode ir = skeleton("big-components");
        ObjectNode components = ir.putObject("components");
        ObjectNode executors = ir.putObject("deploymentSpec").putObject("executors");
        ObjectNode tasks = ir.putObject("root").putObject("dag").putObject("tasks");
        String body = program();
        for (int i = 0; i < n; i++) {
            String name = "step-" + i;
            components.putObject("comp-" + name).put("executorLabel", "exec-" + name);
            ObjectNode container = executors.putObject("exec-" + name).putObject("container");
            container.put("image", "python:3.11");
            container.set("command", strings(List.of("sh", "-c", body + "\n# step " + i, "--")));
            task(tasks, name, "comp-" + name, i);
        }
        return ir.toString();
    }

    /**
     * One shared component: {@code step-0} runs {@code gate} (e.g. a long sleep, to hold the
     * others back), the rest would run {@code true}.
     */
    public static String gatedFanOut(int n, String gate) {
        ObjectNode ir = skeleton("big-fan-out");
        ObjectNode components = ir.putObject("components");
        components.putObject("comp-gate").put("executorLabel", "exec-gate");
        components.putObject("comp-noop").put("executorLabel", "exec-noop");
        ObjectNode executors = ir.putObject("deploymentSpec").putObject("executors");
        executors
                .putObject("exec-gate")
                .putObject("container")
                .put("image", "busybox:1")
                .set("command", strings(List.of("sh", "-c", gate)));
        executors
                .putObject("exec-noop")
                .putObject("container")
                .put("image", "busybox:1")
                .set("command", strings(List.of("true")));
        ObjectNode tasks = ir.putObject("root").putObject("dag").putObject("tasks");
        for (int i = 0; i < n; i++) {
            task(tasks, "step-" + i, i == 0 ? "comp-gate" : "comp-noop", i);
        }
        return ir.toString();
    }

    private static ObjectNode skeleton(String name) {
        ObjectNode ir = JSON.createObjectNode();
        ir.putObject("pipelineInfo").put("name", name);
        ir.put("schemaVersion", "2.1.0");
        ir.put("sdkVersion", "kfp-2.14.3");
        return ir;
    }

    private static void task(ObjectNode tasks, String name, String component, int i) {
        ObjectNode t = tasks.putObject(name);
        t.putObject("taskInfo").put("name", name);
        t.putObject("componentRef").put("name", component);
        t.putObject("cachingOptions").put("enableCache", false);
        if (i > 0) {
            t.putArray("dependentTasks").add("step-0");
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    /** A stand-in for the inline program of a KFP lightweight component. */
    private static String program() {
        StringBuilder b = new StringBuilder(
                "program_path=$(mktemp -d)\ncat > \"$program_path/ephemeral_component.py\" <<'EOF'\n");
        for (int line = 0; line < 24; line++) {
            b.append("def helper_")
                    .append(line)
                    .append("(values: list, scale: float = 1.0) -> list:\n")
                    .append("    return [v * scale for v in values]\n");
        }
        return b.append("EOF\n").toString();
    }
}
