package io.ponte.registry.core;

import io.ponte.registry.spi.EntityStore;
import io.ponte.registry.spi.RegistryEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The registry's rules over its store: parents and references must exist, updates never lose a concurrent
 * writer's change, versions announce themselves.
 */
@ApplicationScoped
public class RegistryService {

    /** How often a PATCH re-reads and re-applies itself when other writers keep winning the race. */
    static final int MAX_UPDATE_ATTEMPTS = 32;

    private final EntityStore store;
    private final RegistryEvents events;

    public RegistryService(EntityStore store, RegistryEvents events) {
        this.store = store;
        this.events = events;
    }

    public Entity get(Set<Kind> kinds, long id) {
        return store.get(kinds, id)
                .orElseThrow(() -> RegistryException.notFound(describe(kinds) + " " + id + " does not exist"));
    }

    public Entity get(Kind kind, long id) {
        return get(EnumSet.of(kind), id);
    }

    /** Stores a new entity. {@code pathParent} is the parent the URL names, if it names one. */
    public Entity create(Entity draft, Optional<Long> pathParent) {
        Entity e = withParent(draft, pathParent);
        checkReferences(e);
        Entity stored = store.insert(e);
        if (stored.kind() == Kind.MODEL_VERSION) {
            events.publish(new RegistryEvent(
                    RegistryEvent.Type.MODEL_VERSION_REGISTERED,
                    stored.parentId(),
                    stored.id(),
                    Map.of("name", stored.name()),
                    stored.createTime()));
        }
        return stored;
    }

    /**
     * Applies {@code change} to the current state of an entity and stores it. When another writer updates the
     * entity in between, the change is applied again to what that writer stored, so neither update is lost. With
     * {@code ifMatch}, the caller's revision must still be current: a stale one is refused instead.
     */
    public Entity update(Set<Kind> kinds, long id, UnaryOperator<Entity> change, OptionalInt ifMatch) {
        for (int attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
            Entity current = get(kinds, id);
            if (ifMatch.isPresent() && current.revision() != ifMatch.getAsInt()) {
                throw stale(current);
            }
            Entity changed = change.apply(current);
            checkReferences(changed);
            Optional<Entity> stored = store.update(changed);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw new RegistryException.Unavailable(
                describe(kinds) + " " + id + " is being updated by too many writers at once; try again", null);
    }

    /** The version an inference service serves: the one it names, else its registered model's newest live one. */
    public Entity servedVersion(Entity inferenceService) {
        Optional<String> pinned = inferenceService.prop("modelVersionId");
        if (pinned.isPresent()) {
            return get(Kind.MODEL_VERSION, Long.parseLong(pinned.get()));
        }
        long model = Long.parseLong(inferenceService.prop("registeredModelId").orElseThrow());
        var newest = new ListQuery(
                EnumSet.of(Kind.MODEL_VERSION),
                Optional.of(model),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                new PageRequest(1, PageRequest.OrderBy.ID, true, Optional.empty()));
        return store.list(newest).items().stream()
                .findFirst()
                .orElseThrow(() -> RegistryException.notFound("registered model " + model + " has no versions"));
    }

    public Page list(ListQuery query) {
        query.parentId().ifPresent(p -> {
            if (store.get(parentKinds(query.kinds()), p).isEmpty()) {
                throw RegistryException.notFound(describe(parentKinds(query.kinds())) + " " + p + " does not exist");
            }
        });
        return store.list(query);
    }

    /** The entity with this name and/or external id (within {@code parent} when given). */
    public Entity find(Set<Kind> kinds, Optional<String> name, Optional<String> externalId, Optional<Long> parent) {
        if (name.isEmpty() && externalId.isEmpty()) {
            throw RegistryException.invalid("name", "give a name or an externalId to find " + describe(kinds));
        }
        return store.find(kinds, name, externalId, parent)
                .orElseThrow(() -> RegistryException.notFound("no " + describe(kinds) + " matches"
                        + name.map(n -> " name '" + n + "'").orElse("")
                        + externalId.map(x -> " externalId '" + x + "'").orElse("")
                        + parent.map(p -> " under " + p).orElse("")));
    }

    /**
     * Attaches an artifact to a model version or an experiment run: an existing artifact by id, else the one of
     * the same name already under the parent (updated), else a new one. Metrics logged to a run also append to
     * the run's metric history.
     *
     * @return the stored artifact and whether it was created
     */
    public Upserted upsertArtifact(
            Kind parentKind, long parentId, Optional<Long> existingId, Entity draft, UnaryOperator<Entity> change) {
        Entity parent = get(parentKind, parentId);
        Optional<Entity> existing = existingId.isPresent()
                ? Optional.of(get(Kind.ARTIFACTS, existingId.get()))
                : Optional.ofNullable(draft.name())
                        .flatMap(n ->
                                store.find(Kind.ARTIFACTS, Optional.of(n), Optional.empty(), Optional.of(parentId)));
        Upserted result;
        if (existing.isPresent()) {
            Entity found = existing.get();
            if (found.parentId() != null && found.parentId() != parentId) {
                throw new RegistryException.Conflict(
                        "id", "artifact " + found.id() + " belongs to " + found.parentId() + ", not to " + parentId);
            }
            Entity updated = update(
                    Kind.ARTIFACTS,
                    found.id(),
                    current -> attachTo(change.apply(current), parent),
                    OptionalInt.empty());
            result = new Upserted(updated, false);
        } else {
            result = new Upserted(create(attachTo(draft, parent), Optional.empty()), true);
        }
        if (result.entity().kind() == Kind.METRIC && parentKind == Kind.EXPERIMENT_RUN) {
            recordMetricHistory(result.entity());
        }
        return result;
    }

    /** An artifact after an upsert, and whether the upsert created it. */
    public record Upserted(Entity entity, boolean created) {}

    private void recordMetricHistory(Entity metric) {
        var props = metric.props().deepCopy();
        store.insert(new Entity(
                0,
                Kind.METRIC_HISTORY,
                metric.parentId(),
                metric.name(),
                null,
                metric.state(),
                0,
                0,
                0,
                props,
                metric.customProperties()));
    }

    private static Entity attachTo(Entity artifact, Entity parent) {
        var props = artifact.props().deepCopy();
        if (parent.kind() == Kind.EXPERIMENT_RUN) {
            props.put("experimentRunId", Long.toString(parent.id()));
            props.put("experimentId", Long.toString(parent.parentId()));
        }
        return new Entity(
                artifact.id(),
                artifact.kind(),
                parent.id(),
                artifact.name(),
                artifact.externalId(),
                artifact.state(),
                artifact.createTime(),
                artifact.updateTime(),
                artifact.revision(),
                props,
                artifact.customProperties());
    }

    private Entity withParent(Entity draft, Optional<Long> pathParent) {
        Optional<ParentField> spec = draft.kind().parent();
        Long parent = draft.parentId();
        if (pathParent.isPresent()) {
            if (parent != null && !parent.equals(pathParent.get())) {
                String field = spec.map(ParentField::name).orElse("parent");
                throw RegistryException.invalid(
                        field, field + " is " + parent + " but the URL names " + pathParent.get());
            }
            parent = pathParent.get();
        }
        if (spec.isPresent() && parent == null && spec.get().required()) {
            String field = spec.get().name();
            throw RegistryException.invalid(
                    field,
                    "field '" + field + "' is required for " + draft.kind().wireName());
        }
        if (parent != null) {
            long p = parent;
            Set<Kind> allowed = spec.map(ParentField::kinds).orElse(EnumSet.noneOf(Kind.class));
            if (store.get(allowed, p).isEmpty()) {
                String message = describe(allowed) + " " + p + " does not exist";
                // A parent named in the URL is a missing resource; one named in the body is a bad field.
                throw pathParent.isPresent()
                        ? RegistryException.notFound(message)
                        : RegistryException.invalid(spec.map(ParentField::name).orElse("parent"), message);
            }
        }
        return new Entity(
                draft.id(),
                draft.kind(),
                parent,
                draft.name(),
                draft.externalId(),
                draft.state(),
                draft.createTime(),
                draft.updateTime(),
                draft.revision(),
                draft.props(),
                draft.customProperties());
    }

    /** Ids in properties (registeredModelId, modelVersionId) must name entities of the right kind. */
    private void checkReferences(Entity e) {
        for (Field f : e.kind().fields()) {
            Optional<Kind> target = Kind.referencedBy(f);
            Optional<String> value = e.prop(f.name());
            if (target.isPresent() && value.isPresent()) {
                long id = Long.parseLong(value.get());
                if (store.get(EnumSet.of(target.get()), id).isEmpty()) {
                    throw RegistryException.invalid(
                            f.name(), f.name() + ": " + target.get().wireName() + " " + id + " does not exist");
                }
            }
        }
        if (e.kind() == Kind.INFERENCE_SERVICE) {
            Optional<String> version = e.prop("modelVersionId");
            if (version.isPresent()) {
                Entity v = get(Kind.MODEL_VERSION, Long.parseLong(version.get()));
                if (!Long.toString(v.parentId())
                        .equals(e.prop("registeredModelId").orElse(""))) {
                    throw RegistryException.invalid(
                            "modelVersionId",
                            "model version " + v.id() + " belongs to registered model " + v.parentId() + ", not to "
                                    + e.prop("registeredModelId").orElse("?"));
                }
            }
        }
    }

    private static RegistryException stale(Entity current) {
        return new RegistryException.StaleRevision(current.kind().wireName() + " " + current.id()
                + " changed since you read it (revision is now " + current.revision() + "); read it again");
    }

    private static Set<Kind> parentKinds(Set<Kind> kinds) {
        EnumSet<Kind> parents = EnumSet.noneOf(Kind.class);
        kinds.forEach(k -> k.parent().ifPresent(p -> parents.addAll(p.kinds())));
        return parents;
    }

    static String describe(Set<Kind> kinds) {
        if (kinds.size() == 1) {
            return kinds.iterator().next().wireName();
        }
        return kinds.stream().allMatch(Kind::isArtifact) ? "Artifact" : "entity";
    }
}
