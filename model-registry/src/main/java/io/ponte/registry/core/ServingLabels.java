package io.ponte.registry.core;

/**
 * The labels and annotations the registry puts on the InferenceServices it deploys: Kubeflow Model Registry's own
 * labels, so that Kubeflow tooling recognises them, and the manager label its status follower selects on.
 */
public final class ServingLabels {

    /** The registered model an InferenceService serves (Kubeflow's label). */
    public static final String REGISTERED_MODEL_ID = "modelregistry.kubeflow.org/registered-model-id";

    /** The model version an InferenceService serves (Kubeflow's label). */
    public static final String MODEL_VERSION_ID = "modelregistry.kubeflow.org/model-version-id";

    /** The registry's InferenceService record that follows this InferenceService's status (Kubeflow's label). */
    public static final String INFERENCE_SERVICE_ID = "modelregistry.kubeflow.org/inference-service-id";

    /** Who manages the resource. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    /** The value of {@link #MANAGED_BY} on everything this registry deploys. */
    public static final String MANAGER = "ponte-model-registry";

    /** Extra sbatch flags that interLink's Slurm plugin adds to the offloaded job. */
    public static final String SLURM_FLAGS = "slurm-job.vk.io/flags";

    private ServingLabels() {}
}
