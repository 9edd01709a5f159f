package io.ponte.registry.core.filter;

/**
 * A {@code filterQuery} that cannot be run as written. The client has to change the query, so retrying cannot help;
 * the REST edge answers 400 with the message, which always starts with {@code filterQuery:}.
 */
public abstract class InvalidFilterException extends RuntimeException {

    protected InvalidFilterException(String message) {
        super(message);
    }
}
