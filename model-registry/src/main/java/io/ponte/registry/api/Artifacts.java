package io.ponte.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.registry.core.Kind;
import io.ponte.registry.core.RegistryException;
import io.ponte.registry.core.RegistryService;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The polymorphic {@code Artifact} of the API: its kind comes from {@code artifactType}. */
@Singleton
class Artifacts {

    private final RegistryService registry;

    Artifacts(RegistryService registry) {
        this.registry = registry;
    }

    /** The kind a body's {@code artifactType} names; the API requires it on polymorphic endpoints. */
    static Kind kindOf(JsonNode body) {
        JsonNode type = EntityJson.object(body).get("artifactType");
        if (type == null || !type.isTextual()) {
            throw RegistryException.invalid(
                    "artifactType",
                    "artifactType is required: one of model-artifact, doc-artifact, dataset-artifact, metric, parameter");
        }
        return Kind.artifactType(type.textValue())
                .orElseThrow(() -> RegistryException.invalid(
                        "artifactType",
                        "artifactType '" + type.textValue()
                                + "' is not one of model-artifact, doc-artifact, dataset-artifact, metric, parameter"));
    }

    /** The kinds an {@code artifactType} query parameter selects: all artifacts when absent. */
    static Set<Kind> kinds(String artifactType) {
        if (artifactType == null || artifactType.isEmpty()) {
            return Kind.ARTIFACTS;
        }
        return EnumSet.of(
                Kind.artifactType(artifactType)
                        .orElseThrow(
                                () -> RegistryException.invalid(
                                        "artifactType",
                                        "artifactType '" + artifactType
                                                + "' is not one of model-artifact, doc-artifact, dataset-artifact, metric, parameter")));
    }

    Response upsert(Kind parentKind, long parentId, JsonNode body) {
        Kind kind = kindOf(body);
        Optional<Long> id = EntityJson.idIn(body);
        var draft = EntityJson.read(kind, body, true);
        var result = registry.upsertArtifact(parentKind, parentId, id, draft, current -> {
            if (current.kind() != kind) {
                throw new RegistryException.Conflict(
                        "artifactType",
                        "artifact " + current.id() + " is a " + current.kind().wireName() + ", not a "
                                + kind.wireName());
            }
            return EntityJson.patch(current, body);
        });
        return Endpoints.withTag(Response.status(result.created() ? 201 : 200), result.entity());
    }
}
