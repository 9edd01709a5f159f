package io.ponte.pipelines.core.placeholder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Writes an {@link ExecutorInput} as KFP's ExecutorInput JSON (what {@code {{$}}} stands for). */
public final class ExecutorInputJson {

    private ExecutorInputJson() {}

    public static String render(ExecutorInput input) {
        ObjectNode root = Placeholders.JSON.createObjectNode();
        ObjectNode inputs = root.putObject("inputs");
        ObjectNode values = inputs.putObject("parameterValues");
        input.parameters().forEach((k, v) -> values.set(k, Placeholders.JSON.valueToTree(v)));
        ObjectNode arts = inputs.putObject("artifacts");
        input.artifacts().forEach((k, list) -> arts.putObject(k).set("artifacts", artifacts(list)));
        ObjectNode outputs = root.putObject("outputs");
        ObjectNode params = outputs.putObject("parameters");
        input.outputParameterFiles().forEach((k, f) -> params.putObject(k).put("outputFile", f));
        ObjectNode outArts = outputs.putObject("artifacts");
        input.outputArtifacts().forEach((k, a) -> outArts.putObject(k).set("artifacts", artifacts(List.of(a))));
        outputs.put("outputFile", input.outputFile());
        return Placeholders.json(root);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode artifacts(List<ArtifactValue> list) {
        var array = Placeholders.JSON.createArrayNode();
        for (ArtifactValue a : list) {
            ObjectNode n = array.addObject();
            n.put("name", a.name());
            n.putObject("type").put("schemaTitle", a.schemaTitle()).put("schemaVersion", a.schemaVersion());
            n.put("uri", a.uri());
            n.set("metadata", Placeholders.JSON.valueToTree(a.metadata() == null ? Map.of() : a.metadata()));
        }
        return array;
    }
}
