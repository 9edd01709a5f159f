package io.ponte.pipelines.core.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.core.ir.IrParser;
import io.ponte.pipelines.core.ir.PipelineIr;

/** The IR as stored with a run: the PipelineSpec JSON, wrapped with its PlatformSpec when there is one. */
final class Specs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Specs() {}

    static String stored(PipelineIr ir) {
        if (ir.platformSpec().isEmpty()) {
            return IrParser.toJson(ir.spec());
        }
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.set("pipelineSpec", ir.spec());
        wrapper.set("platformSpec", ir.platformSpec().get());
        return IrParser.toJson(wrapper);
    }
}
