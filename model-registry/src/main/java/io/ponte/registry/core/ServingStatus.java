package io.ponte.registry.core;

import java.util.Map;
import java.util.Optional;

/**
 * What the serving cluster reports about one InferenceService.
 *
 * @param namespace its namespace
 * @param name its name
 * @param labels its labels, among them {@link ServingLabels#INFERENCE_SERVICE_ID}
 * @param url where it answers, once KServe has published a URL
 * @param ready whether KServe reports it Ready
 * @param message why it is not ready, when something says so
 */
public record ServingStatus(
        String namespace,
        String name,
        Map<String, String> labels,
        Optional<String> url,
        boolean ready,
        Optional<String> message) {

    public ServingStatus {
        labels = Map.copyOf(labels);
    }

    /** Whether this registry deployed it. */
    public boolean managed() {
        return ServingLabels.MANAGER.equals(labels.get(ServingLabels.MANAGED_BY));
    }

    /** The registry record its label names, if the label holds an id. */
    public Optional<Long> inferenceServiceId() {
        String id = labels.get(ServingLabels.INFERENCE_SERVICE_ID);
        try {
            return id == null ? Optional.empty() : Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
