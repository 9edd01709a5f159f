package io.ponte.pipelines.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.core.ir.ExecutorIr;
import io.ponte.pipelines.core.ir.IteratorIr;
import io.ponte.pipelines.core.ir.ParameterDef;
import io.ponte.pipelines.core.ir.TaskIr;
import io.ponte.pipelines.spi.TaskLaunch.Resources;

/**
 * Renders a {@link Plan} as the JSON that {@code ponte pipelines plan} prints and {@code POST
 * /apis/v2beta1/pipelines/plan} answers:
 *
 * <pre>{@code
 * {"pipeline": "name", "displayName": "...", "inputs": {"parameters": {"x": {"type": "STRING", "default": "a", "optional": true}}},
 *  "tasks": [{"path": "root/train", "name": "train", "displayName": "train", "component": "comp-train",
 *             "kind": "CONTAINER", "executor": "local", "executorLabel": "exec-train", "image": "...",
 *             "parent": "root", "dependsOn": ["root/prepare"], "children": [],
 *             "condition": "...", "trigger": "ALL_UPSTREAM_TASKS_SUCCEEDED",
 *             "iterator": {"itemInput": "...", "items": {"raw": "[1,2]"} | {"inputParameter": "..."} | {"inputArtifact": "..."}, "parallelismLimit": 0},
 *             "retry": {"maxRetryCount": 3, "backoff": "PT1S", "factor": 2.0, "maxBackoff": "PT1H"},
 *             "cache": true, "resources": {...}, "placement": {...}}],
 *  "edges": [{"from": "root/prepare", "to": "root/train"}]}
 * }</pre>
 *
 * Optional members are left out when unset.
 */
public final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    /** The plan as a JSON tree. */
    public static ObjectNode tree(Plan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("pipeline", plan.ir().name());
        root.put("displayName", plan.ir().displayName());
        plan.ir().description().ifPresent(d -> root.put("description", d));
        ObjectNode params = root.putObject("inputs").putObject("parameters");
        for (ParameterDef p : plan.ir().root().inputParameters().values()) {
            ObjectNode n = params.putObject(p.name());
            n.put("type", p.type().name());
            p.defaultValue().ifPresent(v -> n.set("default", MAPPER.valueToTree(v)));
            n.put("optional", p.optional());
        }
        ObjectNode artifacts = root.withObject("/inputs").putObject("artifacts");
        plan.ir()
                .root()
                .inputArtifacts()
                .values()
                .forEach(a -> artifacts.putObject(a.name()).put("type", a.schemaTitle()));
        ArrayNode tasks = root.putArray("tasks");
        for (PlannedTask t : plan.tasks().values()) {
            tasks.add(task(t));
        }
        ArrayNode edges = root.putArray("edges");
        for (Plan.Edge e : plan.edges()) {
            edges.addObject().put("from", e.from()).put("to", e.to());
        }
        return root;
    }

    /** The plan as indented JSON text. */
    public static String render(Plan plan) {
        try {
            return MAPPER.writeValueAsString(tree(plan));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode task(PlannedTask t) {
        TaskIr ir = t.task();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("path", t.path());
        n.put("name", ir.name());
        n.put("displayName", ir.displayName());
        n.put("component", ir.componentRef());
        n.put("kind", t.kind().name());
        n.put("executor", t.executorName());
        n.put("parent", t.parent());
        t.executor().ifPresent(e -> n.put("executorLabel", e.label()));
        t.executor().ifPresent(e -> {
            if (e instanceof ExecutorIr.Container c) {
                n.put("image", c.image());
                resources(n, c.resources());
            }
        });
        t.dependsOn().forEach(n.putArray("dependsOn")::add);
        t.children().forEach(n.putArray("children")::add);
        ir.condition().ifPresent(c -> n.put("condition", c));
        n.put("trigger", ir.strategy().name());
        ir.iterator().ifPresent(it -> {
            ObjectNode i = n.putObject("iterator");
            i.put("itemInput", it.itemInput());
            ObjectNode items = i.putObject("items");
            switch (it.source()) {
                case IteratorIr.RawItems r -> items.put("raw", r.json());
                case IteratorIr.ParameterItems p -> items.put("inputParameter", p.inputParameter());
                case IteratorIr.ArtifactItems a -> items.put("inputArtifact", a.inputArtifact());
            }
            i.put("parallelismLimit", it.parallelismLimit());
        });
        ir.retry()
                .ifPresent(r -> n.putObject("retry")
                        .put("maxRetryCount", r.maxRetryCount())
                        .put("backoff", r.backoff().toString())
                        .put("factor", r.factor())
                        .put("maxBackoff", r.maxBackoff().toString()));
        n.put("cache", ir.cacheEnabled());
        t.placement().ifPresent(p -> {
            ObjectNode pl = n.putObject("placement");
            pl.put("executor", p.executor());
            p.queue().ifPresent(q -> pl.put("queue", q));
            p.priorityClass().ifPresent(q -> pl.put("priorityClass", q));
            p.site().ifPresent(q -> pl.put("site", q));
        });
        return n;
    }

    private static void resources(ObjectNode n, Resources r) {
        if (r.equals(Resources.none())) {
            return;
        }
        ObjectNode o = n.putObject("resources");
        r.cpuRequest().ifPresent(v -> o.put("cpuRequest", v));
        r.cpuLimit().ifPresent(v -> o.put("cpuLimit", v));
        r.memoryRequest().ifPresent(v -> o.put("memoryRequest", v));
        r.memoryLimit().ifPresent(v -> o.put("memoryLimit", v));
        r.acceleratorType().ifPresent(v -> o.put("acceleratorType", v));
        if (r.acceleratorCount() > 0) {
            o.put("acceleratorCount", r.acceleratorCount());
        }
    }
}
