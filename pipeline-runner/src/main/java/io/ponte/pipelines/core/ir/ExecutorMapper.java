package io.ponte.pipelines.core.ir;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.pipelines.spi.TaskLaunch.Resources;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Maps {@code deploymentSpec.executors}. */
final class ExecutorMapper {

    private ExecutorMapper() {}

    static ExecutorIr executor(String label, IrNode node) {
        Optional<IrNode> container = node.field("container");
        if (container.isPresent()) {
            return container(label, container.get());
        }
        Optional<IrNode> importer = node.field("importer");
        if (importer.isPresent()) {
            return importer(label, importer.get());
        }
        for (String kind : new String[] {"resolver", "customJob", "aiplatformCustomJob"}) {
            if (node.field(kind).isPresent()) {
                return new ExecutorIr.Unsupported(label, kind);
            }
        }
        throw node.error("needs container or importer");
    }

    private static ExecutorIr.Container container(String label, IrNode c) {
        String image = c.requireText("image");
        Map<String, String> env = new LinkedHashMap<>();
        for (IrNode e : c.items("env")) {
            env.put(e.requireText("name"), e.text("value").orElse(""));
        }
        Resources resources =
                c.field("resources").map(ExecutorMapper::resources).orElse(Resources.none());
        return new ExecutorIr.Container(label, image, c.strings("command"), c.strings("args"), env, resources);
    }

    private static Resources resources(IrNode r) {
        Optional<String> cpuLimit = r.text("resourceCpuLimit").or(() -> number(r, "cpuLimit"));
        Optional<String> cpuRequest = r.text("resourceCpuRequest").or(() -> number(r, "cpuRequest"));
        Optional<String> memLimit = r.text("resourceMemoryLimit").or(() -> gigabytes(r, "memoryLimit"));
        Optional<String> memRequest = r.text("resourceMemoryRequest").or(() -> gigabytes(r, "memoryRequest"));
        Optional<String> accType = Optional.empty();
        int accCount = 0;
        Optional<IrNode> acc = r.field("accelerator");
        if (acc.isPresent()) {
            accType = acc.get()
                    .text("resourceType")
                    .or(() -> acc.get().text("type"))
                    .filter(s -> !s.isBlank());
            String count = acc.get()
                    .text("resourceCount")
                    .or(() -> acc.get().text("count"))
                    .orElse("0");
            try {
                accCount = Integer.parseInt(count.trim());
            } catch (NumberFormatException e) {
                throw new IrException(acc.get().child("resourceCount"), "not a whole number: " + count);
            }
            if (accCount < 0) {
                throw new IrException(acc.get().child("resourceCount"), "must not be negative");
            }
        }
        return new Resources(cpuRequest, cpuLimit, memRequest, memLimit, accType, accCount);
    }

    private static Optional<String> number(IrNode r, String field) {
        return r.field(field)
                .map(IrNode::json)
                .filter(JsonNode::isNumber)
                .filter(n -> n.asDouble() > 0)
                .map(JsonNode::asText);
    }

    /** The deprecated float fields are in GB (10^9 bytes). */
    private static Optional<String> gigabytes(IrNode r, String field) {
        return r.field(field)
                .map(IrNode::json)
                .filter(JsonNode::isNumber)
                .filter(n -> n.asDouble() > 0)
                .map(n -> Math.round(n.asDouble() * 1_000_000_000L) + "");
    }

    private static ExecutorIr.Importer importer(String label, IrNode i) {
        IrNode uri = i.require("artifactUri");
        Optional<String> constant =
                uri.text("constant").or(() -> uri.field("constantValue").flatMap(c -> c.text("stringValue")));
        Optional<String> parameter = uri.text("runtimeParameter");
        if (constant.isEmpty() && parameter.isEmpty()) {
            throw uri.error("needs constant or runtimeParameter");
        }
        String title = i.field("typeSchema").flatMap(t -> t.text("schemaTitle")).orElse("system.Artifact");
        JsonNode metadata = i.field("metadata")
                .map(IrNode::json)
                .orElse(com.fasterxml.jackson.databind.node.NullNode.getInstance());
        return new ExecutorIr.Importer(label, constant, parameter, title, metadata, i.bool("reimport", false));
    }
}
