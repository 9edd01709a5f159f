package io.ponte.registry.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One stored entity of any kind.
 *
 * @param id the registry id, 0 before it is stored
 * @param kind what it is
 * @param parentId the entity it belongs to (model version → registered model, ...), null when none
 * @param name its name, unique among its family within its parent
 * @param externalId an id from another system, unique within its family
 * @param state the value of the kind's {@link StateField}, null when unset
 * @param createTime milliseconds since the epoch
 * @param updateTime milliseconds since the epoch
 * @param revision bumped by every update; what optimistic locking compares
 * @param props the kind's typed properties and the description, as JSON
 * @param customProperties user properties in the API's shape ({@code {"k": {"metadataType": ..., "string_value": ...}}})
 */
public record Entity(
        long id,
        Kind kind,
        Long parentId,
        String name,
        String externalId,
        String state,
        long createTime,
        long updateTime,
        int revision,
        ObjectNode props,
        ObjectNode customProperties) {

    public Optional<Long> parent() {
        return Optional.ofNullable(parentId);
    }

    /** A typed property as text, if set. */
    public Optional<String> prop(String field) {
        var node = props.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    public Entity withProps(ObjectNode newProps) {
        return new Entity(
                id,
                kind,
                parentId,
                name,
                externalId,
                state,
                createTime,
                updateTime,
                revision,
                newProps,
                customProperties);
    }

    public Entity withCustomProperties(ObjectNode newCustomProperties) {
        return new Entity(
                id,
                kind,
                parentId,
                name,
                externalId,
                state,
                createTime,
                updateTime,
                revision,
                props,
                newCustomProperties);
    }

    public Entity withState(String newState) {
        return new Entity(
                id,
                kind,
                parentId,
                name,
                externalId,
                newState,
                createTime,
                updateTime,
                revision,
                props,
                customProperties);
    }
}
