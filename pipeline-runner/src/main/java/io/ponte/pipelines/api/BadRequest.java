package io.ponte.pipelines.api;

/** A request field is missing or malformed; {@link #field()} names it as the wire spells it. */
final class BadRequest extends RuntimeException {

    private final String field;

    BadRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
