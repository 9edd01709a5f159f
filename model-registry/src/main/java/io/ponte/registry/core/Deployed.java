package io.ponte.registry.core;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of a deploy.
 *
 * @param inferenceService the registry's InferenceService record, now {@code DEPLOYED}
 * @param namespace the namespace of the KServe InferenceService
 * @param name the name of the KServe InferenceService
 * @param manifest the InferenceService as the cluster stored it
 */
public record Deployed(Entity inferenceService, String namespace, String name, JsonNode manifest) {}
