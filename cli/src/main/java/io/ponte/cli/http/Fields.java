package io.ponte.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The members of a service's JSON answers as the commands print them. */
public final class Fields {
    private Fields() {}

    /**
     * A member that is a string, number or boolean, as text ({@code "1700000000000"} and
     * {@code 1700000000000} read the same); absent for a missing, null, object or array member.
     */
    public static Optional<String> text(JsonNode entity, String name) {
        JsonNode member = entity.path(name);
        return member.isValueNode() && !member.isNull() ? Optional.of(member.asText()) : Optional.empty();
    }

    /** {@link #text(JsonNode, String)} or {@code otherwise}. */
    public static String text(JsonNode entity, String name, String otherwise) {
        return text(entity, name).orElse(otherwise);
    }
}
