package io.ponte.cli.http;

/**
 * One server-sent event.
 *
 * @param name its {@code event:} field, {@code message} when it has none
 * @param data its {@code data:} lines joined by newlines
 */
public record ServerSentEvent(String name, String data) {}
