package io.ponte.cli.http;

import java.util.Optional;

/**
 * Reads a {@code text/event-stream} a line at a time, as the HTML standard's event-stream interpretation does for
 * the {@code event} and {@code data} fields; {@code id} and {@code retry} are not used here and are ignored.
 */
final class EventStreamParser {
    private String name = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    /** The event that {@code line} completes, if it is the blank line after one. */
    Optional<ServerSentEvent> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> {
                data.append(hasData ? "\n" : "").append(value);
                hasData = true;
            }
            default -> {
                // id, retry and unknown fields
            }
        }
        return Optional.empty();
    }

    private Optional<ServerSentEvent> dispatch() {
        Optional<ServerSentEvent> event = hasData
                ? Optional.of(new ServerSentEvent(name.isEmpty() ? "message" : name, data.toString()))
                : Optional.empty();
        name = "";
        data.setLength(0);
        hasData = false;
        return event;
    }
}
