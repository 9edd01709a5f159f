package io.ponte.pipelines.core.placeholder;

/** A placeholder names something the task does not have, or is malformed. Retrying cannot help. */
public class PlaceholderException extends RuntimeException {
    public PlaceholderException(String message) {
        super(message);
    }
}
