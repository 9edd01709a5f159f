package io.ponte.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.core.Entity;
import io.ponte.registry.core.Field;
import io.ponte.registry.core.Kind;
import io.ponte.registry.core.ParentField;
import io.ponte.registry.core.RegistryException;
import io.ponte.registry.core.StateField;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps entities to and from the API's JSON, checking every field a request sends against the kind's shape:
 * unknown, mistyped and read-only fields are refused with the field named, never ignored.
 */
final class EntityJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> COMMON = Set.of("name", "externalId", "description", "customProperties");
    private static final Set<String> SERVER_OWNED =
            Set.of("id", "createTimeSinceEpoch", "lastUpdateTimeSinceEpoch", "experimentId", "experimentRunId");

    private EntityJson() {}

    static ObjectNode write(Entity e) {
        ObjectNode n = JSON.objectNode();
        n.put("id", Long.toString(e.id()));
        if (e.name() != null) {
            n.put("name", e.name());
        }
        if (e.externalId() != null) {
            n.put("externalId", e.externalId());
        }
        if (e.kind().isArtifact() || e.kind() == Kind.METRIC_HISTORY) {
            n.put("artifactType", e.kind().wireName());
        }
        e.kind().state().ifPresent(s -> {
            if (e.state() != null) {
                n.put(s.name(), e.state());
            }
        });
        e.kind().parent().map(ParentField::name).ifPresent(p -> {
            if (e.parentId() != null) {
                n.put(p, Long.toString(e.parentId()));
            }
        });
        n.setAll(e.props());
        n.put("createTimeSinceEpoch", Long.toString(e.createTime()));
        n.put("lastUpdateTimeSinceEpoch", Long.toString(e.updateTime()));
        n.set("customProperties", e.customProperties());
        return n;
    }

    /**
     * A new entity of {@code kind} from a create body. {@code fullShape} accepts the server-owned fields of the
     * full schema (as the upsert endpoints take it); they are ignored.
     */
    static Entity read(Kind kind, JsonNode body, boolean fullShape) {
        ObjectNode in = object(body);
        ObjectNode props = JSON.objectNode();
        ObjectNode custom = JSON.objectNode();
        String name = null;
        String externalId = null;
        String state = kind.state().flatMap(StateField::initial).orElse(null);
        Long parent = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            var entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            switch (key) {
                case "name" -> name = text(key, value);
                case "externalId" -> externalId = text(key, value);
                case "description" -> props.put(key, text(key, value));
                case "customProperties" -> custom = CustomProperties.check(value);
                case "artifactType" -> checkArtifactType(kind, value);
                default -> {
                    if (isState(kind, key)) {
                        state = oneOf(key, value, kind.state().orElseThrow().values());
                    } else if (isParent(kind, key)) {
                        parent = id(key, value);
                    } else if (kind.field(key).isPresent()) {
                        props.set(key, FieldValues.check(kind.field(key).orElseThrow(), value));
                    } else if (!(fullShape && SERVER_OWNED.contains(key))) {
                        throw unknown(kind, key);
                    }
                }
            }
        }
        if (kind.requiresName() && (name == null || name.isBlank())) {
            throw RegistryException.invalid("name", "field 'name' is required for " + kind.wireName());
        }
        for (Field f : kind.fields()) {
            if (f.required() && !props.has(f.name())) {
                throw RegistryException.invalid(
                        f.name(), "field '" + f.name() + "' is required for " + kind.wireName());
            }
        }
        return new Entity(0, kind, parent, name, externalId, state, 0, 0, 0, props, custom);
    }

    /** The id a full-shape body names, if any (the upsert endpoints attach an existing artifact by id). */
    static Optional<Long> idIn(JsonNode body) {
        JsonNode id = body.get("id");
        return id == null || id.isNull() ? Optional.empty() : Optional.of(id("id", id));
    }

    /**
     * {@code current} with a PATCH body applied. Fields the API does not let a PATCH change are accepted only when
     * they repeat the current value, so that clients sending back a whole entity keep working.
     */
    static Entity patch(Entity current, JsonNode body) {
        ObjectNode in = object(body);
        Kind kind = current.kind();
        ObjectNode props = current.props().deepCopy();
        ObjectNode custom = current.customProperties();
        String externalId = current.externalId();
        String state = current.state();
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            var entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            switch (key) {
                case "externalId" -> externalId = value.isNull() ? null : text(key, value);
                case "description" -> {
                    if (value.isNull()) {
                        props.remove(key);
                    } else {
                        props.put(key, text(key, value));
                    }
                }
                case "customProperties" -> custom = value.isNull() ? JSON.objectNode() : CustomProperties.check(value);
                default -> {
                    if (isState(kind, key) && !value.isNull()) {
                        state = oneOf(key, value, kind.state().orElseThrow().values());
                    } else if (kind.field(key).filter(Field::updatable).isPresent()) {
                        if (value.isNull()) {
                            props.remove(key);
                        } else {
                            props.set(key, FieldValues.check(kind.field(key).orElseThrow(), value));
                        }
                    } else {
                        requireUnchanged(current, key, value);
                    }
                }
            }
        }
        return new Entity(
                current.id(),
                kind,
                current.parentId(),
                current.name(),
                externalId,
                state,
                current.createTime(),
                current.updateTime(),
                current.revision(),
                props,
                custom);
    }

    private static void requireUnchanged(Entity current, String key, JsonNode value) {
        JsonNode now = write(current).get(key);
        boolean known = now != null
                || COMMON.contains(key)
                || SERVER_OWNED.contains(key)
                || current.kind().field(key).isPresent()
                || "artifactType".equals(key)
                || isParent(current.kind(), key);
        if (!known) {
            throw unknown(current.kind(), key);
        }
        if (!Objects.equals(now, value) && !(value.isNull() && now == null)) {
            throw RegistryException.invalid(
                    key, "field '" + key + "' of " + current.kind().wireName() + " cannot be changed after creation");
        }
    }

    static ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw RegistryException.invalid(null, "the request body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    static String text(String key, JsonNode value) {
        if (!value.isTextual()) {
            throw RegistryException.invalid(key, "field '" + key + "' must be a string");
        }
        return value.textValue();
    }

    static long id(String key, JsonNode value) {
        String raw = value.isIntegralNumber() ? value.asText() : text(key, value);
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw RegistryException.invalid(key, "field '" + key + "' must be a positive integer id, not '" + raw + "'");
    }

    private static String oneOf(String key, JsonNode value, java.util.List<String> allowed) {
        String v = text(key, value);
        if (!allowed.contains(v)) {
            throw RegistryException.invalid(key, "field '" + key + "' must be one of " + allowed + ", not '" + v + "'");
        }
        return v;
    }

    private static void checkArtifactType(Kind kind, JsonNode value) {
        String type = text("artifactType", value);
        if (!kind.wireName().equals(type)) {
            throw RegistryException.invalid(
                    "artifactType", "artifactType is '" + type + "' but this endpoint takes '" + kind.wireName() + "'");
        }
    }

    private static boolean isState(Kind kind, String key) {
        return kind.state().map(s -> s.name().equals(key)).orElse(false);
    }

    private static boolean isParent(Kind kind, String key) {
        return kind.parent().map(p -> key.equals(p.name())).orElse(false);
    }

    private static RegistryException unknown(Kind kind, String key) {
        return RegistryException.invalid(key, "unknown field '" + key + "' for " + kind.wireName());
    }
}
