package io.ponte.bench.rag;

import io.ponte.bench.common.Cpu;
import io.ponte.bench.common.Latency;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * The query phase against one service: rounds over the development questions, in a new seeded order each round, and
 * for each question every path in turn (the HTTP floor, retrieval alone through the evaluation endpoint, the chat
 * answer, the in-process embedding baseline), one request at a time. Interleaving puts whatever the shared machine does
 * meanwhile on every path alike, so the paths' ratios hold where absolute times drift. The first rounds warm up and
 * are not recorded.
 */
final class QueryRounds {

    /** One way of asking a question, by name. */
    record QueryPath(String name, Send send) {}

    /** Sends one question; throws when the answer is not a success. */
    @FunctionalInterface
    interface Send {
        void send(DevQuestion q) throws Exception;
    }

    /** One path's latency over the measured rounds, overall and per question language. */
    record PathResult(String path, Latency all, Map<String, Latency> byLanguage, long errors, String firstError) {
        JsonObject toJson() {
            var languages = new JsonObject();
            byLanguage.forEach((k, v) -> languages.put(k, v.toJson()));
            return new JsonObject()
                    .put("path", path)
                    .put("latency", all.toJson())
                    .put("by_language", languages)
                    .put("errors", errors)
                    .put("first_error", firstError);
        }
    }

    /** What a query phase measured. */
    record Outcome(
            String service,
            int attempt,
            int rounds,
            int questions,
            List<PathResult> paths,
            double seconds,
            Cpu.Use cpu,
            Map<String, Double> threadCpuMs) {

        PathResult path(String name) {
            return paths.stream().filter(p -> p.path().equals(name)).findFirst().orElse(null);
        }

        JsonObject toJson() {
            var list = new io.vertx.core.json.JsonArray();
            paths.forEach(p -> list.add(p.toJson()));
            var threads = new JsonObject();
            threadCpuMs.forEach((k, v) -> threads.put(k, Math.round(v)));
            var cpuMs = new JsonObject();
            cpu.cpuMs().forEach((k, v) -> cpuMs.put(k, Math.round(v)));
            return new JsonObject()
                    .put("service", service)
                    .put("attempt", attempt)
                    .put("rounds", rounds)
                    .put("questions", questions)
                    .put("seconds", Latency.round(seconds))
                    .put("machine_busy_percent", Latency.round(cpu.busyPercent()))
                    .put("other_processes_percent", Latency.round(cpu.othersPercent()))
                    .put("cpu_ms", cpuMs)
                    .put("service_cpu_ms_by_thread_role", threads)
                    .put("paths", list);
        }
    }

    private QueryRounds() {}

    static Outcome run(
            String service,
            int attempt,
            List<QueryPath> paths,
            List<DevQuestion> questions,
            int warmupRounds,
            int rounds,
            long seed,
            Cpu cpu,
            long servicePid)
            throws Exception {
        Random order = new Random(seed);
        for (int r = 0; r < warmupRounds; r++) {
            round(paths, shuffled(questions, order), null);
        }
        Map<String, Recorder> recorders = new LinkedHashMap<>();
        paths.forEach(p -> recorders.put(p.name(), new Recorder()));
        ThreadCpu roles = ThreadCpu.start(servicePid);
        var before = cpu.snapshot();
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            round(paths, shuffled(questions, order), recorders);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Cpu.Use use = Cpu.between(before, cpu.snapshot());
        Map<String, Double> threads = roles.byRole();
        List<PathResult> results = new ArrayList<>();
        recorders.forEach((name, rec) -> results.add(rec.result(name)));
        return new Outcome(service, attempt, rounds, questions.size(), results, seconds, use, threads);
    }

    private static void round(List<QueryPath> paths, List<DevQuestion> questions, Map<String, Recorder> recorders) {
        for (DevQuestion q : questions) {
            for (QueryPath p : paths) {
                long t0 = System.nanoTime();
                try {
                    p.send().send(q);
                    if (recorders != null) {
                        recorders.get(p.name()).record(q.language(), System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    if (recorders != null) {
                        recorders.get(p.name()).error(e);
                    }
                }
            }
        }
    }

    private static List<DevQuestion> shuffled(List<DevQuestion> questions, Random order) {
        List<DevQuestion> copy = new ArrayList<>(questions);
        Collections.shuffle(copy, order);
        return copy;
    }

    private static final class Recorder {
        private final Histogram all = Latency.histogram();
        private final Map<String, Histogram> byLanguage = new LinkedHashMap<>();
        private long errors;
        private String firstError;

        void record(String language, long nanos) {
            all.recordValue(nanos);
            byLanguage.computeIfAbsent(language, k -> Latency.histogram()).recordValue(nanos);
        }

        void error(Exception e) {
            errors++;
            if (firstError == null) {
                firstError = e.toString();
            }
        }

        PathResult result(String name) {
            Map<String, Latency> languages = new LinkedHashMap<>();
            byLanguage.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> languages.put(e.getKey(), Latency.of(e.getValue())));
            return new PathResult(name, Latency.of(all), languages, errors, firstError);
        }
    }
}
