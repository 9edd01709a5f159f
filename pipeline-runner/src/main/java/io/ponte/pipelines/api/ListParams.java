package io.ponte.pipelines.api;

import io.ponte.pipelines.spi.RunQuery;
import io.ponte.pipelines.spi.RunState;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/** Query parameters, checked: a bad value is a {@link BadRequest} naming the parameter. */
final class ListParams {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 1000;

    private ListParams() {}

    static RunQuery query(
            String state, String pipelineName, String name, String createdAfter, String pageSize, String pageToken) {
        return new RunQuery(
                state(state),
                blankToEmpty(pipelineName),
                blankToEmpty(name),
                instant(createdAfter),
                pageSize(pageSize),
                blankToEmpty(pageToken));
    }

    static Optional<Integer> attempt(String attempt) {
        if (attempt == null || attempt.isBlank()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(attempt.trim());
            if (n >= 1) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequest("attempt", "attempt must be a number from 1");
    }

    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadRequest(name, name + " must be true or false");
        };
    }

    private static Optional<RunState> state(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("state", "state must be one of " + Arrays.toString(RunState.values()));
        }
    }

    private static Optional<Instant> instant(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new BadRequest("created_after", "created_after must be an RFC 3339 time, e.g. 2026-03-01T10:00:00Z");
        }
    }

    private static int pageSize(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_PAGE_SIZE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadRequest("page_size", "page_size must be a number from 1 to " + MAX_PAGE_SIZE);
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
