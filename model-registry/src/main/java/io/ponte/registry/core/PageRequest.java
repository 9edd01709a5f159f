package io.ponte.registry.core;

import java.util.Optional;

/**
 * One page of a list: at most {@code size} entities ordered by {@code orderBy} then id, starting after the
 * position a previous page's token recorded.
 */
public record PageRequest(int size, OrderBy orderBy, boolean descending, Optional<PageToken> after) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    /** The API's {@code orderBy} values. */
    public enum OrderBy {
        ID,
        CREATE_TIME,
        LAST_UPDATE_TIME
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, OrderBy.ID, false, Optional.empty());
    }
}
