package io.ponte.registry.core;

import java.util.List;
import java.util.Optional;

/** One page of entities and, when more follow, the token for the next one. */
public record Page(List<Entity> items, int pageSize, Optional<PageToken> next) {}
