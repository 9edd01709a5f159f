package io.ponte.registry.core;

import io.ponte.registry.core.filter.Filter;
import java.util.Optional;
import java.util.Set;

/**
 * What a list call asks for: kinds, an optional parent and name / external id, a filter, and a page.
 *
 * @param kinds the kinds to list (several for {@code /artifacts})
 * @param parentId only children of this entity
 * @param name only entities with this name
 * @param externalId only the entity with this external id
 * @param filter the parsed {@code filterQuery}
 * @param page size, order and position
 */
public record ListQuery(
        Set<Kind> kinds,
        Optional<Long> parentId,
        Optional<String> name,
        Optional<String> externalId,
        Optional<Filter> filter,
        PageRequest page) {

    public static ListQuery of(Set<Kind> kinds, PageRequest page) {
        return new ListQuery(kinds, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), page);
    }

    public ListQuery underParent(long parent) {
        return new ListQuery(kinds, Optional.of(parent), name, externalId, filter, page);
    }
}
