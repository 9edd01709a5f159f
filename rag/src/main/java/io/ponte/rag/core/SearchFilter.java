package io.ponte.rag.core;

import java.util.Optional;

/**
 * Restricts a search to part of a collection.
 *
 * @param filePrefix only passages whose file path starts with this ({@code interlink-hq__interLink/})
 */
public record SearchFilter(Optional<String> filePrefix) {

    public static final SearchFilter NONE = new SearchFilter(Optional.empty());
}
