package io.ponte.pipelines.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ponte.pipelines.core.ir.IteratorIr;
import io.ponte.pipelines.spi.ArtifactRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The items a ParallelFor iterates over. */
final class Loops {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Loops() {}

    /** The items of a LOOP node whose inputs are resolved; a JSON string is parsed as a list. */
    static List<Object> items(Node loop) {
        IteratorIr it = loop.task.iterator().orElseThrow();
        return switch (it.source()) {
            case IteratorIr.RawItems r -> list(parse(r.json(), "items.raw"), "items.raw");
            case IteratorIr.ParameterItems p -> {
                Object v = loop.inputs.get(p.inputParameter());
                if (v instanceof String s) {
                    v = parse(s, p.inputParameter());
                }
                yield list(v, p.inputParameter());
            }
            case IteratorIr.ArtifactItems a -> {
                List<ArtifactRef> refs = loop.inputArtifacts.get(a.inputArtifact());
                yield refs == null ? List.of() : new ArrayList<>(refs);
            }
        };
    }

    private static Object parse(String json, String what) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the loop items " + what + " are not a JSON list: " + json);
        }
    }

    private static List<Object> list(Object v, String what) {
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map<?, ?>) {
            throw new IllegalArgumentException("the loop items " + what + " are a map, not a list");
        }
        throw new IllegalArgumentException("the loop items " + what + " are not a list: " + v);
    }
}
