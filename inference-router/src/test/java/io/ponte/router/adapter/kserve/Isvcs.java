package io.ponte.router.adapter.kserve;

import io.ponte.api.kserve.Address;
import io.ponte.api.kserve.Condition;
import io.ponte.api.kserve.InferenceService;
import io.ponte.api.kserve.InferenceServiceStatus;
import io.ponte.api.kserve.ModelSpec;
import io.ponte.api.kserve.PredictorSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** InferenceServices as KServe would report them, for the tests of this package. */
final class Isvcs {

    private Isvcs() {}

    /** A HuggingFace (vLLM) predictor without status. */
    static InferenceService huggingFace(String namespace, String name) {
        return InferenceService.of(
                namespace,
                name,
                PredictorSpec.of(ModelSpec.of("huggingface", "hf://meta-llama/Llama-3.1-8B-Instruct")
                        .withRuntime("kserve-huggingfaceserver")));
    }

    /** A predictor speaking {@code protocolVersion}, without status. */
    static InferenceService speaking(String namespace, String name, String protocolVersion) {
        return InferenceService.of(
                namespace,
                name,
                PredictorSpec.of(ModelSpec.of("onnx", "s3://models/" + name).withProtocolVersion(protocolVersion)));
    }

    /** {@code isvc} with one more annotation. */
    static InferenceService annotated(InferenceService isvc, String key, String value) {
        Map<String, String> annotations = new HashMap<>();
        if (isvc.getMetadata().getAnnotations() != null) {
            annotations.putAll(isvc.getMetadata().getAnnotations());
        }
        annotations.put(key, value);
        isvc.getMetadata().setAnnotations(annotations);
        return isvc;
    }

    /** {@code isvc} with a status: Ready or not, at the external {@code url} and cluster {@code address}. */
    static InferenceService withStatus(InferenceService isvc, boolean ready, String url, String address) {
        Condition condition = new Condition(
                InferenceServiceStatus.READY,
                ready ? "True" : "False",
                null,
                "2025-01-01T00:00:00Z",
                ready ? null : "PredictorNotReady",
                null,
                null);
        isvc.setStatus(new InferenceServiceStatus(
                1L, url, address == null ? null : new Address(address, null), List.of(condition), null, null, null));
        return isvc;
    }

    /** {@code isvc} Ready at the external {@code url} only. */
    static InferenceService readyAt(InferenceService isvc, String url) {
        return withStatus(isvc, true, url, null);
    }
}
