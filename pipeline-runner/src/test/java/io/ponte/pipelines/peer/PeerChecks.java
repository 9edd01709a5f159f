package io.ponte.pipelines.peer;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.core.engine.TestEngines;
import io.ponte.pipelines.spi.ArtifactRef;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.RunState;
import io.ponte.pipelines.spi.TaskRecord;
import io.ponte.pipelines.spi.TaskState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks of executed peer pipelines: every succeeded container task produced each declared output
 * parameter with its declared type and each declared output artifact; and, per pipeline, what its
 * scripts must have done (values and log lines read from the IR's own commands).
 */
final class PeerChecks {

    private PeerChecks() {}

    /** Run parameters: the required inputs without defaults get a value of their type. */
    static Map<String, Object> parameters(JsonNode spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        spec.path("root").path("inputDefinitions").path("parameters").fields().forEachRemaining(e -> {
            JsonNode def = e.getValue();
            if (def.has("defaultValue") || def.path("isOptional").asBoolean(false)) {
                return;
            }
            out.put(
                    e.getKey(),
                    switch (def.path("parameterType").asText()) {
                        case "NUMBER_INTEGER" -> 3;
                        case "NUMBER_DOUBLE" -> 0.5;
                        case "BOOLEAN" -> true;
                        case "LIST" -> List.of("a", "b");
                        case "STRUCT" -> Map.of("a", 1);
                        default -> "peer-" + e.getKey();
                    });
        });
        return out;
    }

    static String check(
            String file,
            JsonNode spec,
            RunRecord run,
            List<TaskRecord> tasks,
            TestEngines engines,
            List<String> problems)
            throws IOException {
        Map<String, TaskRecord> byPath = new LinkedHashMap<>();
        tasks.forEach(t -> byPath.put(t.taskPath(), t));
        IrFacts facts = new IrFacts(spec);
        int outputs = 0;
        for (TaskRecord t : tasks) {
            JsonNode component = facts.components.get(t.taskPath().replaceAll("\\[\\d+]", ""));
            if (t.state() != TaskState.SUCCEEDED || component == null || component.has("dag")) {
                continue;
            }
            var params = component.path("outputDefinitions").path("parameters").fields();
            while (params.hasNext()) {
                var p = params.next();
                Object v = t.outputParameters().get(p.getKey());
                if (!typed(v, p.getValue().path("parameterType").asText())) {
                    problems.add(file + ": " + t.taskPath() + " output " + p.getKey() + " = " + v + " is not a "
                            + p.getValue().path("parameterType").asText());
                }
                outputs++;
            }
            var arts = component.path("outputDefinitions").path("artifacts").fieldNames();
            while (arts.hasNext()) {
                String a = arts.next();
                List<ArtifactRef> refs = t.outputArtifacts().get(a);
                if (refs == null || refs.isEmpty() || !refs.get(0).uri().startsWith(run.pipelineRoot())) {
                    problems.add(file + ": " + t.taskPath() + " has no stored output artifact " + a);
                }
                outputs++;
            }
        }
        Specific s = new Specific(file, run, byPath, engines, problems);
        String detail = s.verify();
        String summary =
                run.state() + (outputs > 0 ? "; " + outputs + " declared outputs produced with their types" : "");
        return detail.isEmpty() ? summary : summary + "; " + detail;
    }

    private static boolean typed(Object v, String type) {
        return switch (type) {
            case "NUMBER_INTEGER" -> v instanceof Long || v instanceof Integer;
            case "NUMBER_DOUBLE" -> v instanceof Number;
            case "BOOLEAN" -> v instanceof Boolean;
            case "LIST" -> v instanceof List;
            case "STRUCT" -> v instanceof Map;
            default -> v instanceof String;
        };
    }

    /** Per-pipeline checks: the values and log lines the IR's scripts produce. */
    private record Specific(
            String file, RunRecord run, Map<String, TaskRecord> tasks, TestEngines engines, List<String> problems) {

        String verify() throws IOException {
            String f = file.replace("valid__", "").replace(".yaml", "");
            switch (f) {
                case "hello_world",
                        "mounted_cabundle_configmap",
                        "run_as_user_cache_enabled",
                        "run_as_user_cache_disabled",
                        "pipeline_with_only_display_name" -> {
                    expectState(RunState.SUCCEEDED);
                    expectLog("root/echo", "hello world");
                    return "log says hello world";
                }
                case "critical__producer_consumer_param_pipeline" -> {
                    expectState(RunState.SUCCEEDED);
                    String expected = "Hello world, this is an output parameter\n";
                    expectEqual(
                            tasks.get("root/producer").outputParameters().get("output_value"),
                            expected,
                            "producer output");
                    expectEqual(
                            tasks.get("root/consumer").inputParameters().get("input_value"),
                            expected,
                            "consumer input");
                    expectLog("root/consumer", "Read from an input parameter:");
                    return "producer's output_value reached the consumer";
                }
                case "essential__pipeline_with_after" -> {
                    expectState(RunState.SUCCEEDED);
                    expectLog("root/print-text", "1st task");
                    expectLog("root/print-text-2", "2nd task");
                    expectLog("root/print-text-3", "3rd task");
                    TaskRecord second = tasks.get("root/print-text-2");
                    TaskRecord third = tasks.get("root/print-text-3");
                    if (third.startedAt()
                            .orElseThrow()
                            .isBefore(second.finishedAt().orElseThrow())) {
                        problems.add(file + ": print-text-3 started before print-text-2 ended");
                    }
                    return "ran in dependency order";
                }
                case "essential__placeholder_with_if_placeholder_none_input_value" -> {
                    expectState(RunState.SUCCEEDED);
                    expectLog("root/component-with-optional-inputs", "--arg0 input0 --arg2 default value");
                    if (log("root/component-with-optional-inputs").contains("--arg1")) {
                        problems.add(file + ": IfPresent without Else added --arg1 for an absent input");
                    }
                    return "IfPresent took Else for the absent input and dropped the one without Else";
                }
                case "sequential_v1" -> {
                    expectState(RunState.SUCCEEDED);
                    return "both echo steps ran";
                }
                case "essential__pipeline_with_nested_conditions_yaml" -> {
                    expectState(RunState.SUCCEEDED);
                    return nestedConditions();
                }
                case "pipeline_with_concat_placeholder" -> {
                    return concat();
                }
                default -> {
                    return "";
                }
            }
        }

        private String nestedConditions() throws IOException {
            Object coin = tasks.get("root/flip-coin").outputParameters().get("output");
            boolean heads = "heads".equals(coin);
            if (!heads && !"tails".equals(coin)) {
                problems.add(file + ": flip-coin produced " + coin);
                return "";
            }
            String ran = heads ? "root/condition-1" : "root/condition-4";
            String skipped = heads ? "root/condition-4" : "root/condition-1";
            expectTaskState(ran, TaskState.SUCCEEDED);
            expectTaskState(skipped, TaskState.SKIPPED);
            String gen = ran + (heads ? "/generate-random-number" : "/generate-random-number-2");
            Object n = tasks.get(gen).outputParameters().get("output");
            long value = ((Number) n).longValue();
            int threshold = heads ? 5 : 15;
            String inner = heads
                    ? (value > threshold ? "/condition-2" : "/condition-3")
                    : (value > threshold ? "/condition-5" : "/condition-6");
            String other = heads
                    ? (value > threshold ? "/condition-3" : "/condition-2")
                    : (value > threshold ? "/condition-6" : "/condition-5");
            expectTaskState(ran + inner, TaskState.SUCCEEDED);
            expectTaskState(ran + other, TaskState.SKIPPED);
            String print = tasks.keySet().stream()
                    .filter(p -> p.startsWith(ran + inner + "/print"))
                    .findFirst()
                    .orElse("");
            expectLog(
                    print,
                    (heads ? "heads and " : "tails and ") + value + (value > threshold ? " > " : " <= ") + threshold
                            + "!");
            return "the coin and the random number chose exactly one branch at each level, the print step saw the number";
        }

        private String concat() throws IOException {
            boolean shHasDoubleBrackets;
            try {
                shHasDoubleBrackets =
                        new ProcessBuilder("sh", "-c", "[[ a == a ]]").start().waitFor() == 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            String path = "root/component-with-concat-placeholder";
            if (shHasDoubleBrackets) {
                expectState(RunState.SUCCEEDED);
                return "the Concat placeholder gave one+two=three";
            }
            expectState(RunState.FAILED);
            expectLog(path, "[[");
            return "expected here: the script's `[[ \"$0\" == 'one+two=three' ]]` needs busybox or bash; this host's sh is dash";
        }

        private void expectState(RunState state) {
            if (run.state() != state) {
                problems.add(file + ": run ended " + run.state() + " ("
                        + run.error().orElse("") + "), expected " + state + "; tasks "
                        + tasks.values().stream()
                                .map(t -> t.taskPath() + "=" + t.state()
                                        + t.error().map(e -> " " + e).orElse(""))
                                .toList());
            }
        }

        private void expectTaskState(String path, TaskState state) {
            TaskRecord t = tasks.get(path);
            if (t == null || t.state() != state) {
                problems.add(file + ": " + path + " is " + (t == null ? "missing" : t.state()) + ", expected " + state);
            }
        }

        private void expectEqual(Object actual, Object expected, String what) {
            if (!expected.equals(actual)) {
                problems.add(file + ": " + what + " is " + actual + ", expected " + expected);
            }
        }

        private void expectLog(String path, String text) throws IOException {
            String log = log(path);
            if (!log.contains(text)) {
                problems.add(file + ": the log of " + path + " lacks '" + text + "': " + log);
            }
        }

        private String log(String path) throws IOException {
            try (InputStream in = engines.engine.logs(run.id(), path, Optional.empty(), false)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }
}
