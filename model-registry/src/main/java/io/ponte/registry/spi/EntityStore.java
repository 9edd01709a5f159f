package io.ponte.registry.spi;

import io.ponte.registry.core.Entity;
import io.ponte.registry.core.Kind;
import io.ponte.registry.core.ListQuery;
import io.ponte.registry.core.Page;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where entities live. Every method is one transaction. Unique names and external ids are the store's to
 * enforce: a clash is a {@link io.ponte.registry.core.RegistryException.Conflict} naming the field.
 */
public interface EntityStore {

    /** Stores a new entity (its id, times and revision are assigned) and returns it as stored. */
    Entity insert(Entity entity);

    Optional<Entity> get(Set<Kind> kinds, long id);

    /**
     * Replaces an entity's mutable columns if its stored revision is still {@code entity.revision()}; returns the
     * stored result with the revision bumped, or empty when another writer got there first.
     */
    Optional<Entity> update(Entity entity);

    Page list(ListQuery query);

    /** The one entity matching name / external id (and parent, when given); the first by id if several. */
    Optional<Entity> find(Set<Kind> kinds, Optional<String> name, Optional<String> externalId, Optional<Long> parent);

    /** Points {@code alias} of a registered model at a version (creating or moving it). */
    void setAlias(long registeredModelId, String alias, long modelVersionId);

    /** Removes an alias; false when it did not exist. */
    boolean deleteAlias(long registeredModelId, String alias);

    /** The aliases of a registered model, alias → model version id. */
    Map<String, Long> aliases(long registeredModelId);

    /** Whether the store answers. */
    boolean healthy();
}
