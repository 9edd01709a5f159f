package io.ponte.registry.core;

import java.util.Optional;

/**
 * How to deploy a model version.
 *
 * @param placement one of the configured placements ({@code ponte.registry.deploy.placements})
 * @param namespace the Kubernetes namespace; the configured default when absent
 * @param name the InferenceService's name; derived from the model's and the version's names when absent
 * @param runtime the ServingRuntime; the placement's when absent, else KServe's choice for the format
 * @param minReplicas the fewest predictor replicas; KServe's default when absent
 * @param maxReplicas the most predictor replicas; KServe's default when absent
 */
public record DeployRequest(
        String placement,
        Optional<String> namespace,
        Optional<String> name,
        Optional<String> runtime,
        Optional<Integer> minReplicas,
        Optional<Integer> maxReplicas) {}
