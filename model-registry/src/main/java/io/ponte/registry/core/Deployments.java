package io.ponte.registry.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.registry.config.RegistryConfig;
import io.ponte.registry.config.RegistryConfig.PlacementConfig;
import io.ponte.registry.spi.EntityStore;
import io.ponte.registry.spi.RegistryEvents;
import io.ponte.registry.spi.ServingCluster;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One call from a model version to a KServe InferenceService, and back. The registry's record of a deployment is
 * marked {@code DEPLOYED} only after the cluster has accepted the InferenceService, and nothing is written before
 * the cluster has answered once, so a cluster that is away leaves no record behind. Should the cluster answer and
 * then refuse the InferenceService, a record created for it stays {@code UNDEPLOYED}, and a record that existed
 * keeps its version and state.
 */
@ApplicationScoped
public class Deployments {

    private final RegistryService registry;
    private final EntityStore store;
    private final ServingRecords records;
    private final ServingCluster cluster;
    private final RegistryEvents events;
    private final RegistryConfig.DeployConfig config;

    public Deployments(
            RegistryService registry,
            EntityStore store,
            ServingRecords records,
            ServingCluster cluster,
            RegistryEvents events,
            RegistryConfig config) {
        this.registry = registry;
        this.store = store;
        this.records = records;
        this.cluster = cluster;
        this.events = events;
        this.config = config.deploy();
    }

    /** Deploys a model version as the InferenceService {@code request} describes, or replaces the one of that name. */
    public Deployed deploy(long modelVersionId, DeployRequest request) {
        PlacementConfig placement = placement(request.placement());
        String namespace = DeploymentNames.checkNamespace(request.namespace().orElse(config.namespace()));
        request.name().ifPresent(DeploymentNames::checkName);
        checkReplicas(request);
        Entity version = registry.get(Kind.MODEL_VERSION, modelVersionId);
        Entity model = registry.get(Kind.REGISTERED_MODEL, version.parentId());
        Entity artifact = modelArtifact(version);
        String name = request.name().orElseGet(() -> DeploymentNames.derive(model.name(), version.name()));
        Optional<String> runtime = request.runtime().filter(r -> !r.isBlank()).or(placement::runtime);

        requireCluster();
        cluster.get(namespace, name).filter(s -> !s.managed()).ifPresent(s -> {
            throw new RegistryException.Conflict(
                    "name",
                    "InferenceService '" + name + "' already exists in namespace '" + namespace
                            + "' and was not deployed by this registry; deploy under another name");
        });
        Entity record = records.record(records.environment(namespace), name, model, version, runtime);
        ServingSpec spec = ServingSpecs.of(
                new ServingSpecs.Target(namespace, name, model, version, artifact, record),
                placement,
                runtime,
                request);
        JsonNode manifest = cluster.apply(spec);
        Entity deployed = records.markDeployed(record.id(), version, runtime);
        events.publish(new RegistryEvent(
                RegistryEvent.Type.MODEL_VERSION_DEPLOYED,
                model.id(),
                version.id(),
                attributes(namespace, name, deployed, Optional.of(request.placement())),
                deployed.updateTime()));
        return new Deployed(deployed, namespace, name, manifest);
    }

    /**
     * Deletes the InferenceService a registry record follows (one already gone is fine) and marks the record
     * {@code UNDEPLOYED}. An InferenceService of that name that this record did not deploy is left alone.
     */
    public Entity undeploy(long inferenceServiceId) {
        Entity record = registry.get(Kind.INFERENCE_SERVICE, inferenceServiceId);
        String namespace = records.namespace(record);
        if (record.name() != null) {
            requireCluster();
            cluster.get(namespace, record.name())
                    .filter(s -> !s.managed() || !s.inferenceServiceId().equals(Optional.of(record.id())))
                    .ifPresent(s -> {
                        throw new RegistryException.Conflict(
                                null,
                                "InferenceService '" + record.name() + "' in namespace '" + namespace
                                        + "' was not deployed by inference service " + record.id()
                                        + " of this registry; it was left alone");
                    });
            cluster.delete(namespace, record.name());
        }
        Entity undeployed = records.markUndeployed(record.id());
        long model = undeployed.prop("registeredModelId").map(Long::parseLong).orElse(0L);
        long version = undeployed.prop("modelVersionId").map(Long::parseLong).orElse(0L);
        events.publish(new RegistryEvent(
                RegistryEvent.Type.MODEL_VERSION_UNDEPLOYED,
                model,
                version,
                attributes(namespace, record.name(), undeployed, Optional.empty()),
                undeployed.updateTime()));
        return undeployed;
    }

    private PlacementConfig placement(String name) {
        if (name == null || name.isBlank()) {
            throw RegistryException.invalid("placement", "field 'placement' is required");
        }
        PlacementConfig placement = config.placements().get(name);
        if (placement == null) {
            throw RegistryException.invalid(
                    "placement",
                    "unknown placement '" + name + "'; configured: "
                            + new TreeSet<>(config.placements().keySet()));
        }
        return placement;
    }

    private static void checkReplicas(DeployRequest request) {
        request.minReplicas().filter(n -> n < 0).ifPresent(n -> {
            throw RegistryException.invalid("minReplicas", "minReplicas must be 0 or more, not " + n);
        });
        request.maxReplicas().filter(n -> n < 1).ifPresent(n -> {
            throw RegistryException.invalid("maxReplicas", "maxReplicas must be 1 or more, not " + n);
        });
        if (request.minReplicas().isPresent()
                && request.maxReplicas().isPresent()
                && request.minReplicas().get() > request.maxReplicas().get()) {
            throw RegistryException.invalid(
                    "maxReplicas",
                    "maxReplicas (" + request.maxReplicas().get() + ") is less than minReplicas ("
                            + request.minReplicas().get() + ")");
        }
    }

    /** The version's first model artifact, which must say where the files are and in which format. */
    private Entity modelArtifact(Entity version) {
        Entity artifact = store
                .list(ListQuery.of(EnumSet.of(Kind.MODEL_ARTIFACT), PageRequest.first(1))
                        .underParent(version.id()))
                .items()
                .stream()
                .findFirst()
                .orElseThrow(() -> RegistryException.notFound("model version " + version.id() + " (" + version.name()
                        + ") has no model artifact to deploy; attach one with a uri and a modelFormatName"));
        if (artifact.prop("uri").filter(u -> !u.isBlank()).isEmpty()) {
            throw RegistryException.invalid(
                    "uri",
                    "model artifact " + artifact.id() + " of model version " + version.id()
                            + " has no uri, so there is nothing to deploy");
        }
        if (artifact.prop("modelFormatName").filter(f -> !f.isBlank()).isEmpty()) {
            throw RegistryException.invalid(
                    "modelFormatName",
                    "model artifact " + artifact.id() + " of model version " + version.id()
                            + " has no modelFormatName, which KServe needs to pick a serving runtime");
        }
        return artifact;
    }

    private void requireCluster() {
        if (!cluster.configured()) {
            throw new RegistryException.Unavailable(
                    "no Kubernetes API is configured (no kubeconfig, no in-cluster service account,"
                            + " no quarkus.kubernetes-client.api-server-url), so nothing can be deployed",
                    null);
        }
    }

    private static Map<String, String> attributes(
            String namespace, String name, Entity record, Optional<String> placement) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("namespace", namespace);
        if (name != null) {
            attributes.put("name", name);
        }
        placement.ifPresent(p -> attributes.put("placement", p));
        attributes.put("inferenceServiceId", Long.toString(record.id()));
        return attributes;
    }
}
