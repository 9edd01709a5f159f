package io.ponte.registry.core;

import java.util.Set;

/**
 * The property naming the entity a kind belongs to ({@code registeredModelId} of a model version,
 * {@code servingEnvironmentId} of an inference service, ...), stored in the {@code parent_id} column.
 *
 * @param name the JSON field name, or null when the parent is only given by the request path
 * @param kinds the kinds the parent may be
 * @param required whether an entity must have one
 */
public record ParentField(String name, Set<Kind> kinds, boolean required) {}
