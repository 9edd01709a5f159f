package io.ponte.registry.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.registry.core.ServingSpec;
import io.ponte.registry.core.ServingStatus;
import java.io.Closeable;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where deployed model versions run: a Kubernetes cluster with KServe. Every call that reaches the cluster has a
 * deadline; one that gets no answer throws {@link io.ponte.registry.core.RegistryException.Unavailable}, one the
 * cluster refuses throws the {@link io.ponte.registry.core.RegistryException} that says why.
 */
public interface ServingCluster {

    /**
     * Whether a Kubernetes API is configured at all (a kubeconfig, an in-cluster service account or an explicit
     * URL). Says nothing about whether it answers.
     */
    boolean configured();

    /** Creates the InferenceService {@code spec} describes, or replaces the one of that name; returns it as stored. */
    JsonNode apply(ServingSpec spec);

    /** The InferenceService {@code namespace/name}, if it exists. */
    Optional<ServingStatus> get(String namespace, String name);

    /** Deletes the InferenceService {@code namespace/name}; false when there was none. */
    boolean delete(String namespace, String name);

    /**
     * Reports the status of every InferenceService this registry manages (those labelled
     * {@code app.kubernetes.io/managed-by=ponte-model-registry}) now and whenever it changes; a deleted one is
     * reported not ready, without URL. Returns at once and never throws because the API server is away: it keeps
     * trying, with back-off, until closed.
     */
    Closeable watch(Consumer<ServingStatus> listener);
}
