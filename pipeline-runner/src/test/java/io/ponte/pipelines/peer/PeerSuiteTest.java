package io.ponte.pipelines.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ponte.pipelines.core.engine.TestEngines;
import io.ponte.pipelines.core.ir.IrException;
import io.ponte.pipelines.core.plan.Plan;
import io.ponte.pipelines.core.plan.Planner;
import io.ponte.pipelines.core.plan.Routing;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.TaskRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KFP IR peer suite ({@code <ponte.shared.dir>/peer-suites/kfp-ir/pipelines}): every file is
 * parsed and planned — valid files must plan to exactly the tasks and edges read from the IR tree by
 * {@link IrFacts}, invalid ones must be rejected with a message — and every pipeline whose
 * containers can run on this host (images in {@link #CATALOG}, commands on the PATH, no package
 * installs at run time) is executed through the local executor's subprocess runtime, with its
 * outputs checked by {@link PeerChecks}. The outcome table must equal the one in the module README
 * (between the {@code peer-suite-table} markers); the actual table is written to {@code
 * target/peer-suite-table.md}.
 */
class PeerSuiteTest {

    /** Images whose commands this host can stand in for: it has sh, echo and python. */
    static final Map<String, String> CATALOG = Map.of(
            "alpine", "this host standing in for alpine (sh, echo)",
            "ghcr.io/containerd/busybox", "this host standing in for busybox (sh is dash here)",
            "python:alpine3.9", "this host's python standing in for python:alpine3.9",
            "python:3.11", "this host's python standing in for python:3.11",
            "public.ecr.aws/docker/library/python:3.12", "this host standing in for python:3.12",
            "registry.access.redhat.com/ubi9/python-311:latest", "this host standing in for ubi9/python-311");

    private static final Path SHARED = Path.of(System.getProperty("ponte.shared.dir", "../../shared"));
    private static final Path SUITE = SHARED.resolve("peer-suites/kfp-ir/pipelines");
    private static final Path README = Path.of("README.md");
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    record Row(String file, String planned, String executed, String result) {}

    @Test
    void every_file_plans_as_its_ir_says_and_the_runnable_ones_execute() throws Exception {
        assumeTrue(Files.isDirectory(SUITE), "peer suite not found at " + SUITE + "; skipped");
        List<Path> files;
        try (Stream<Path> s = Files.list(SUITE)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> catalogKeys = new HashMap<>();
        catalogKeys.put("default-runtime", "bubblewrap");
        CATALOG.forEach((image, note) -> {
            catalogKeys.put("images.\"" + image + "\".runtime", "subprocess");
            catalogKeys.put("images.\"" + image + "\".stand-in", note);
        });
        try (TestEngines engines = new TestEngines(dir, catalogKeys)) {
            for (Path file : files) {
                rows.add(check(file, engines, problems));
            }
        }
        String table = table(rows);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/peer-suite-table.md"), table);
        assertThat(problems).as("peer-suite problems").isEmpty();
        assertThat(readmeTable())
                .as("the README table must match what the suite did (actual in target/peer-suite-table.md)")
                .isEqualTo(table);
    }

    private Row check(Path file, TestEngines engines, List<String> problems) throws Exception {
        String name = file.getFileName().toString();
        String text = Files.readString(file);
        boolean invalid = name.startsWith("invalid__");
        Plan plan;
        try {
            plan = new Planner(Routing.local()).plan(text);
        } catch (IrException e) {
            if (!invalid) {
                problems.add(name + ": a valid file was rejected: " + e.getMessage());
            }
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                problems.add(name + ": rejected without a message");
            }
            return new Row(name, "rejected", "no", "`" + e.getMessage() + "`");
        }
        if (invalid) {
            problems.add(name + ": an invalid file was accepted");
            return new Row(name, "accepted (wrong)", "no", "should have been rejected");
        }
        JsonNode spec = firstDocument(text);
        IrFacts facts = new IrFacts(spec);
        Set<String> plannedEdges = new LinkedHashSet<>();
        plan.edges().forEach(e -> plannedEdges.add(e.from() + " -> " + e.to()));
        if (!plan.tasks().keySet().equals(facts.tasks)) {
            problems.add(name + ": planned tasks " + plan.tasks().keySet() + " but the IR has " + facts.tasks);
        }
        if (!plannedEdges.equals(facts.edges)) {
            problems.add(name + ": planned edges " + plannedEdges + " but the IR has " + facts.edges);
        }
        String planned = "yes: " + facts.tasks.size() + " tasks, " + facts.edges.size() + " edges";
        Optional<String> notRunnable = notRunnable(facts);
        if (notRunnable.isPresent()) {
            return new Row(name, planned, "no", notRunnable.get());
        }
        RunRecord run = engines.engine.create(TestEngines.uncached(text, PeerChecks.parameters(spec)));
        RunRecord end = engines.awaitEnd(run.id());
        List<TaskRecord> tasks = engines.store.tasks(run.id());
        String result = PeerChecks.check(name, spec, end, tasks, engines, problems);
        return new Row(name, planned, "yes", result);
    }

    /** Why a pipeline cannot run here, read from its executors; empty when it can. */
    static Optional<String> notRunnable(IrFacts facts) {
        for (String s : facts.commandText()) {
            if (s.contains("pip install")) {
                return Optional.of(
                        "a Python component installs the kfp package with pip at run time (no package index here)");
            }
        }
        for (String s : facts.commandText()) {
            if (s.contains("kfp.dsl.executor_main")) {
                return Optional.of(
                        "its component runs kfp.dsl.executor_main, which needs the kfp package in the image");
            }
        }
        for (JsonNode e : facts.executors) {
            if (!e.has("container")) {
                return Optional.of(
                        "an executor is not a container (" + e.fieldNames().next() + ")");
            }
        }
        Set<String> images = new LinkedHashSet<>();
        for (JsonNode e : facts.executors) {
            String image = e.path("container").path("image").asText();
            if (!CATALOG.containsKey(image)) {
                images.add(image);
            }
        }
        if (!images.isEmpty()) {
            return Optional.of("image " + String.join(", ", images) + " has no local stand-in in the image catalog");
        }
        for (JsonNode e : facts.executors) {
            JsonNode command = e.path("container").path("command");
            if (command.isEmpty()) {
                return Optional.of("a container has no command (the image's entrypoint is not known here)");
            }
            String program = command.get(0).asText();
            if (!onPath(program)) {
                return Optional.of("command `" + program + "` is not on this host");
            }
        }
        return Optional.empty();
    }

    private static boolean onPath(String program) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode firstDocument(String text) throws Exception {
        try (var parser = YAML.getFactory().createParser(text)) {
            return YAML.readValues(parser, JsonNode.class).next();
        }
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| File | Planned | Executed | Result or reason |\n");
        sb.append("|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| `")
                    .append(r.file())
                    .append("` | ")
                    .append(r.planned())
                    .append(" | ")
                    .append(r.executed())
                    .append(" | ")
                    .append(r.result().replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String readmeTable() throws Exception {
        if (!Files.isRegularFile(README)) {
            return "(no README.md)";
        }
        String readme = Files.readString(README);
        String start = "<!-- peer-suite-table:start -->\n";
        String end = "<!-- peer-suite-table:end -->";
        int a = readme.indexOf(start);
        int b = readme.indexOf(end);
        if (a < 0 || b < a) {
            return "(no peer-suite-table markers in README.md)";
        }
        return readme.substring(a + start.length(), b);
    }

    static Map<String, Object> linked() {
        return new LinkedHashMap<>();
    }
}
