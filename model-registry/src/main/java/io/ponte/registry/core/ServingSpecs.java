package io.ponte.registry.core;

import io.ponte.registry.config.RegistryConfig.PlacementConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The InferenceService for a model version on a placement, with the labels that tie it to the registry. */
final class ServingSpecs {

    /**
     * What is deployed where.
     *
     * @param namespace the Kubernetes namespace
     * @param name the InferenceService's name
     * @param model the registered model
     * @param version the model version
     * @param artifact the version's model artifact, with uri and modelFormatName
     * @param record the registry's InferenceService record that follows the deployment
     */
    record Target(String namespace, String name, Entity model, Entity version, Entity artifact, Entity record) {}

    private ServingSpecs() {}

    static ServingSpec of(Target t, PlacementConfig placement, Optional<String> runtime, DeployRequest request) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ServingLabels.REGISTERED_MODEL_ID, Long.toString(t.model().id()));
        labels.put(ServingLabels.MODEL_VERSION_ID, Long.toString(t.version().id()));
        labels.put(ServingLabels.INFERENCE_SERVICE_ID, Long.toString(t.record().id()));
        labels.put(ServingLabels.MANAGED_BY, ServingLabels.MANAGER);
        Map<String, String> annotations = new LinkedHashMap<>(placement.annotations());
        placement.slurmFlags().filter(f -> !f.isBlank()).ifPresent(f -> annotations.put(ServingLabels.SLURM_FLAGS, f));
        return new ServingSpec(
                t.namespace(),
                t.name(),
                t.artifact().prop("uri").orElseThrow(),
                t.artifact().prop("modelFormatName").orElseThrow(),
                t.artifact().prop("modelFormatVersion").filter(v -> !v.isBlank()),
                runtime,
                labels,
                annotations,
                placement.nodeSelector(),
                placement.interlink(),
                placement.gpus().filter(g -> g > 0),
                placement.cpu().filter(c -> !c.isBlank()),
                placement.memory().filter(m -> !m.isBlank()),
                request.minReplicas(),
                request.maxReplicas());
    }
}
