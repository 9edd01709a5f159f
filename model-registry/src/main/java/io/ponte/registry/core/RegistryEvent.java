package io.ponte.registry.core;

import java.util.Map;

/**
 * Something other services may want to react to.
 *
 * @param type what happened
 * @param registeredModelId the model concerned
 * @param modelVersionId the version concerned
 * @param attributes details (names, the InferenceService, its URL)
 * @param time milliseconds since the epoch
 */
public record RegistryEvent(
        Type type, long registeredModelId, long modelVersionId, Map<String, String> attributes, long time) {

    public enum Type {
        MODEL_VERSION_REGISTERED,
        MODEL_VERSION_DEPLOYED,
        MODEL_VERSION_UNDEPLOYED
    }
}
