package io.ponte.registry.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.spi.EntityStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The registry's side of deployments: one ServingEnvironment per namespace, one InferenceService record per KServe
 * InferenceService, its desired state, and the status KServe reports, kept in custom properties.
 */
@ApplicationScoped
public class ServingRecords {

    /** Where KServe says the InferenceService answers ({@code MetadataStringValue}). */
    public static final String URL = "kserve.url";

    /** Whether KServe reports it Ready ({@code MetadataBoolValue}). */
    public static final String READY = "kserve.ready";

    /** Why it is not ready, while it is not ({@code MetadataStringValue}). */
    public static final String MESSAGE = "kserve.message";

    static final String DEPLOYED = "DEPLOYED";
    static final String UNDEPLOYED = "UNDEPLOYED";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final RegistryService registry;
    private final EntityStore store;

    public ServingRecords(RegistryService registry, EntityStore store) {
        this.registry = registry;
        this.store = store;
    }

    /** The ServingEnvironment named after {@code namespace}, created when there is none. */
    Entity environment(String namespace) {
        Optional<Entity> found = findEnvironment(namespace);
        if (found.isPresent()) {
            return found.get();
        }
        ObjectNode props = JSON.objectNode().put("description", "Kubernetes namespace " + namespace);
        Entity draft =
                new Entity(0, Kind.SERVING_ENVIRONMENT, null, namespace, null, null, 0, 0, 0, props, JSON.objectNode());
        try {
            return registry.create(draft, Optional.empty());
        } catch (RegistryException.Conflict raced) {
            return findEnvironment(namespace).orElseThrow(() -> raced);
        }
    }

    /**
     * The record of InferenceService {@code name} in {@code environment}. A new one is stored {@code UNDEPLOYED}:
     * it becomes {@code DEPLOYED} ({@link #markDeployed}) only once the cluster has the InferenceService.
     */
    Entity record(Entity environment, String name, Entity model, Entity version, Optional<String> runtime) {
        Optional<Entity> found = findRecord(environment, name);
        if (found.isEmpty()) {
            ObjectNode props = JSON.objectNode()
                    .put("registeredModelId", Long.toString(model.id()))
                    .put("modelVersionId", Long.toString(version.id()));
            runtime.ifPresent(r -> props.put("runtime", r));
            Entity draft = new Entity(
                    0,
                    Kind.INFERENCE_SERVICE,
                    environment.id(),
                    name,
                    null,
                    UNDEPLOYED,
                    0,
                    0,
                    0,
                    props,
                    JSON.objectNode());
            try {
                return registry.create(draft, Optional.empty());
            } catch (RegistryException.Conflict raced) {
                found = Optional.of(findRecord(environment, name).orElseThrow(() -> raced));
            }
        }
        Entity record = found.get();
        String serves = record.prop("registeredModelId").orElse("?");
        if (!serves.equals(Long.toString(model.id()))) {
            throw new RegistryException.Conflict(
                    "name",
                    "InferenceService '" + name + "' in namespace '" + environment.name() + "' serves registered model "
                            + serves + ", not " + model.id() + " (" + model.name() + "); deploy under another name");
        }
        return record;
    }

    /** The record, now serving {@code version} with {@code runtime} and {@code DEPLOYED}. */
    Entity markDeployed(long recordId, Entity version, Optional<String> runtime) {
        return registry.update(
                EnumSet.of(Kind.INFERENCE_SERVICE),
                recordId,
                current -> {
                    ObjectNode props = current.props().deepCopy();
                    props.put("modelVersionId", Long.toString(version.id()));
                    runtime.ifPresentOrElse(r -> props.put("runtime", r), () -> props.remove("runtime"));
                    return current.withProps(props).withState(DEPLOYED);
                },
                OptionalInt.empty());
    }

    /** The record, now {@code UNDEPLOYED}. */
    Entity markUndeployed(long recordId) {
        return registry.update(
                EnumSet.of(Kind.INFERENCE_SERVICE),
                recordId,
                current -> current.withState(UNDEPLOYED),
                OptionalInt.empty());
    }

    /**
     * Copies {@code status} into the custom properties of the record its label names, unless they say so already.
     *
     * @return false when no record of this registry follows that InferenceService
     */
    boolean follow(ServingStatus status) {
        Optional<Entity> record =
                status.inferenceServiceId().flatMap(id -> store.get(EnumSet.of(Kind.INFERENCE_SERVICE), id));
        if (record.isEmpty() || !follows(record.get(), status)) {
            return false;
        }
        if (!withStatus(record.get(), status).equals(record.get().customProperties())) {
            registry.update(
                    EnumSet.of(Kind.INFERENCE_SERVICE),
                    record.get().id(),
                    current -> current.withCustomProperties(withStatus(current, status)),
                    OptionalInt.empty());
        }
        return true;
    }

    /** The namespace a record's InferenceService lives in: the name of its ServingEnvironment. */
    String namespace(Entity record) {
        return registry.get(Kind.SERVING_ENVIRONMENT, record.parentId()).name();
    }

    private boolean follows(Entity record, ServingStatus status) {
        return status.name().equals(record.name())
                && record.parentId() != null
                && store.get(EnumSet.of(Kind.SERVING_ENVIRONMENT), record.parentId())
                        .map(env -> status.namespace().equals(env.name()))
                        .orElse(false);
    }

    private static ObjectNode withStatus(Entity record, ServingStatus status) {
        ObjectNode custom = record.customProperties().deepCopy();
        status.url().ifPresentOrElse(url -> custom.set(URL, string(url)), () -> custom.remove(URL));
        custom.set(
                READY,
                JSON.objectNode().put("metadataType", "MetadataBoolValue").put("bool_value", status.ready()));
        if (status.ready()) {
            custom.remove(MESSAGE);
        } else {
            custom.set(MESSAGE, string(status.message().orElse("not ready")));
        }
        return custom;
    }

    private static ObjectNode string(String value) {
        return JSON.objectNode().put("metadataType", "MetadataStringValue").put("string_value", value);
    }

    private Optional<Entity> findEnvironment(String namespace) {
        return store.find(
                EnumSet.of(Kind.SERVING_ENVIRONMENT), Optional.of(namespace), Optional.empty(), Optional.empty());
    }

    private Optional<Entity> findRecord(Entity environment, String name) {
        return store.find(
                EnumSet.of(Kind.INFERENCE_SERVICE), Optional.of(name), Optional.empty(), Optional.of(environment.id()));
    }
}
