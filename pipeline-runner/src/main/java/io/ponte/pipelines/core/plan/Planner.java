package io.ponte.pipelines.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.core.ir.ComponentIr;
import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.core.ir.IrException;
import io.ponte.pipelines.core.ir.IrParser;
import io.ponte.pipelines.core.ir.PipelineIr;
import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.core.ir.Tasks;
import io.ponte.pipelines.spi.TaskLaunch.Placement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans a pipeline without running it. The REST API ({@code POST /apis/v2beta1/pipelines/plan})
 * and the CLI ({@code ponte pipelines plan FILE}) call {@link #plan(String)} and render the result
 * with {@link PlanJson#render(Plan)}; a malformed file throws {@link IrException} naming the IR path.
 */
public final class Planner {

    private final IrParser parser = new IrParser();
    private final Routing routing;

    public Planner(Routing routing) {
        this.routing = routing;
    }

    /** Parses, validates and plans IR text (YAML or JSON). */
    public Plan plan(String irText) {
        return plan(parser.parse(irText));
    }

    public Plan plan(PipelineIr ir) {
        Map<String, PlannedTask> tasks = new LinkedHashMap<>();
        List<Plan.Edge> edges = new ArrayList<>();
        addDag(ir, ir.root(), "root", tasks, edges);
        return new Plan(ir, tasks, List.copyOf(edges));
    }

    private void addDag(
            PipelineIr ir, ComponentIr owner, String prefix, Map<String, PlannedTask> out, List<Plan.Edge> edges) {
        for (TaskIr task : owner.dag().orElseThrow().tasks().values()) {
            String path = prefix + "/" + task.name();
            ComponentIr component = ir.component(task.componentRef());
            Optional<ExecutorIr> executor =
                    component.executorLabel().map(l -> ir.executors().get(l));
            List<String> deps =
                    Tasks.upstream(task).stream().map(d -> prefix + "/" + d).toList();
            for (String d : deps) {
                edges.add(new Plan.Edge(d, path));
            }
            List<String> children = component
                    .dag()
                    .map(d ->
                            d.tasks().keySet().stream().map(n -> path + "/" + n).toList())
                    .orElse(List.of());
            Optional<Placement> placement = executor.flatMap(e -> placement(ir, e));
            String executorName = executor.map(e -> switch (e) {
                        case ExecutorIr.Container c ->
                            placement.map(Placement::executor).orElse(routing.defaultExecutor());
                        case ExecutorIr.Importer i -> "importer";
                        case ExecutorIr.Unsupported u -> "unsupported:" + u.kind();
                    })
                    .orElse("dag");
            out.put(
                    path,
                    new PlannedTask(path, prefix, task, component, executor, executorName, placement, deps, children));
            if (component.isDag()) {
                addDag(ir, component, path, out, edges);
            }
        }
    }

    private Optional<Placement> placement(PipelineIr ir, ExecutorIr executor) {
        Optional<JsonNode> k8s = ir.kubernetesSettings(executor.label());
        if (k8s.isEmpty()) {
            return Optional.empty();
        }
        JsonNode settings = k8s.get();
        String name = settings.path("podMetadata")
                .path("labels")
                .path(Routing.PLACEMENT_LABEL)
                .asText("");
        if (name.isEmpty()) {
            name = settings.path("nodeSelector")
                    .path("labels")
                    .path(Routing.PLACEMENT_LABEL)
                    .asText("");
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Placement p = routing.placements().get(name);
        if (p == null) {
            throw new IrException(
                    "platforms.kubernetes.deploymentSpec.executors." + executor.label(),
                    "placement " + name + " is not configured (known: "
                            + routing.placements().keySet() + ")");
        }
        return Optional.of(p);
    }
}
