package io.ponte.registry.core;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What to run on the serving cluster: one KServe InferenceService, described without KServe's types.
 *
 * @param namespace the Kubernetes namespace
 * @param name the InferenceService's name, a DNS-1035 label
 * @param storageUri where the model's files are ({@code s3://}, {@code hf://}, {@code pvc://}, ...)
 * @param modelFormat the model format KServe matches against its serving runtimes ({@code huggingface}, ...)
 * @param modelFormatVersion the format's version, when the artifact names one
 * @param runtime the ServingRuntime; KServe picks one for the format when absent
 * @param labels labels of the InferenceService
 * @param annotations annotations of the InferenceService
 * @param nodeSelector node labels the predictor pods must match
 * @param tolerateInterlink whether the predictor tolerates the taint of interLink virtual nodes
 * @param gpus GPUs per predictor (the {@code nvidia.com/gpu} limit)
 * @param cpu CPU request and limit, e.g. {@code 4}
 * @param memory memory request and limit, e.g. {@code 64Gi}
 * @param minReplicas the fewest predictor replicas
 * @param maxReplicas the most predictor replicas
 */
public record ServingSpec(
        String namespace,
        String name,
        String storageUri,
        String modelFormat,
        Optional<String> modelFormatVersion,
        Optional<String> runtime,
        Map<String, String> labels,
        Map<String, String> annotations,
        Map<String, String> nodeSelector,
        boolean tolerateInterlink,
        Optional<Integer> gpus,
        Optional<String> cpu,
        Optional<String> memory,
        Optional<Integer> minReplicas,
        Optional<Integer> maxReplicas) {

    public ServingSpec {
        labels = sorted(labels);
        annotations = sorted(annotations);
        nodeSelector = sorted(nodeSelector);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
