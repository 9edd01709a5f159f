package io.ponte.registry.core;

import static io.ponte.registry.core.Field.of;
import static io.ponte.registry.core.Field.oneOf;
import static io.ponte.registry.core.Field.text;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of entity the registry stores, with the typed properties the Kubeflow Model Registry API
 * (v1alpha3) gives it. The REST layer, the store and the filter language all read their shape from here.
 */
public enum Kind {
    REGISTERED_MODEL(
            "RegisteredModel",
            "registered-model",
            StateField.of("state", "LIVE", "LIVE", "ARCHIVED"),
            List.of(
                    text("owner"),
                    text("readme"),
                    text("maturity"),
                    of("language", FieldType.STRING_LIST),
                    of("tasks", FieldType.STRING_LIST),
                    text("provider"),
                    text("logo"),
                    text("license"),
                    text("licenseLink"),
                    text("libraryName"))),
    MODEL_VERSION(
            "ModelVersion",
            "model-version",
            StateField.of("state", "LIVE", "LIVE", "ARCHIVED"),
            List.of(text("author"))),
    MODEL_ARTIFACT(
            "model-artifact",
            "artifact",
            Kind.artifactState(),
            List.of(
                    text("uri"),
                    text("modelFormatName"),
                    text("modelFormatVersion"),
                    text("storageKey"),
                    text("storagePath"),
                    text("serviceAccountName"),
                    text("modelSourceKind"),
                    text("modelSourceClass"),
                    text("modelSourceGroup"),
                    text("modelSourceId"),
                    text("modelSourceName"))),
    DOC_ARTIFACT("doc-artifact", "artifact", Kind.artifactState(), List.of(text("uri"))),
    DATASET(
            "dataset-artifact",
            "artifact",
            Kind.artifactState(),
            List.of(text("uri"), text("digest"), text("sourceType"), text("source"), text("schema"), text("profile"))),
    METRIC(
            "metric",
            "artifact",
            Kind.artifactState(),
            List.of(
                    of("value", FieldType.NUMBER),
                    of("timestamp", FieldType.INT64_STRING),
                    of("step", FieldType.INTEGER))),
    PARAMETER(
            "parameter",
            "artifact",
            Kind.artifactState(),
            List.of(text("value"), oneOf("parameterType", "string", "number", "boolean", "object"))),
    /** One recorded value of a metric at a step; the metric artifact itself holds the latest. */
    METRIC_HISTORY(
            "metric",
            "metric-history",
            Kind.artifactState(),
            List.of(
                    of("value", FieldType.NUMBER),
                    of("timestamp", FieldType.INT64_STRING),
                    of("step", FieldType.INTEGER))),
    SERVING_ENVIRONMENT("ServingEnvironment", "serving-environment", null, List.of()),
    INFERENCE_SERVICE(
            "InferenceService",
            "inference-service",
            StateField.of("desiredState", "DEPLOYED", "DEPLOYED", "UNDEPLOYED"),
            List.of(
                    text("runtime"),
                    of("registeredModelId", FieldType.INT64_STRING).createOnly().mandatory(),
                    of("modelVersionId", FieldType.INT64_STRING))),
    SERVE_MODEL(
            "ServeModel",
            "serve-model",
            StateField.of(
                    "lastKnownState", null, "UNKNOWN", "NEW", "RUNNING", "COMPLETE", "FAILED", "CACHED", "CANCELED"),
            List.of(of("modelVersionId", FieldType.INT64_STRING).createOnly().mandatory())),
    EXPERIMENT("Experiment", "experiment", StateField.of("state", "LIVE", "LIVE", "ARCHIVED"), List.of(text("owner"))),
    EXPERIMENT_RUN(
            "ExperimentRun",
            "experiment-run",
            StateField.of("state", "LIVE", "LIVE", "ARCHIVED"),
            List.of(
                    text("owner"),
                    oneOf("status", "RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"),
                    of("startTimeSinceEpoch", FieldType.INT64_STRING),
                    of("endTimeSinceEpoch", FieldType.INT64_STRING)));

    /** The artifact kinds, in the order the API's {@code artifactType} lists them. */
    public static final Set<Kind> ARTIFACTS = EnumSet.of(MODEL_ARTIFACT, DOC_ARTIFACT, DATASET, METRIC, PARAMETER);

    private final String wireName;
    private final String family;
    private final Optional<StateField> state;
    private final List<Field> fields;

    Kind(String wireName, String family, StateField state, List<Field> fields) {
        this.wireName = wireName;
        this.family = family;
        this.state = Optional.ofNullable(state);
        this.fields = fields;
    }

    private static StateField artifactState() {
        return StateField.of(
                "state",
                null,
                "UNKNOWN",
                "PENDING",
                "LIVE",
                "MARKED_FOR_DELETION",
                "DELETED",
                "ABANDONED",
                "REFERENCE");
    }

    /** The API's name: the schema name of a context, the {@code artifactType} of an artifact. */
    public String wireName() {
        return wireName;
    }

    /** Names and external ids are unique within a family (all artifact kinds form one family). */
    public String family() {
        return family;
    }

    public Optional<StateField> state() {
        return state;
    }

    /** The typed properties besides the common ones (name, externalId, description, customProperties). */
    public List<Field> fields() {
        return fields;
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public boolean isArtifact() {
        return ARTIFACTS.contains(this);
    }

    /** What this kind belongs to, if anything. */
    public Optional<ParentField> parent() {
        return switch (this) {
            case MODEL_VERSION -> Optional.of(new ParentField("registeredModelId", EnumSet.of(REGISTERED_MODEL), true));
            case INFERENCE_SERVICE ->
                Optional.of(new ParentField("servingEnvironmentId", EnumSet.of(SERVING_ENVIRONMENT), true));
            case EXPERIMENT_RUN -> Optional.of(new ParentField("experimentId", EnumSet.of(EXPERIMENT), true));
            case SERVE_MODEL -> Optional.of(new ParentField(null, EnumSet.of(INFERENCE_SERVICE), true));
            case METRIC_HISTORY -> Optional.of(new ParentField(null, EnumSet.of(EXPERIMENT_RUN), true));
            case MODEL_ARTIFACT, DOC_ARTIFACT, DATASET, METRIC, PARAMETER ->
                Optional.of(new ParentField(null, EnumSet.of(MODEL_VERSION, EXPERIMENT_RUN), false));
            default -> Optional.empty();
        };
    }

    /** The kind an id-valued property points at ({@code registeredModelId}, {@code modelVersionId}). */
    public static Optional<Kind> referencedBy(Field field) {
        return switch (field.name()) {
            case "registeredModelId" -> Optional.of(REGISTERED_MODEL);
            case "modelVersionId" -> Optional.of(MODEL_VERSION);
            default -> Optional.empty();
        };
    }

    /** Whether an entity of this kind must carry a name (the API marks it required). */
    public boolean requiresName() {
        return switch (this) {
            case REGISTERED_MODEL, MODEL_VERSION, SERVING_ENVIRONMENT, EXPERIMENT -> true;
            default -> false;
        };
    }

    /** The artifact kind an {@code artifactType} value names. */
    public static Optional<Kind> artifactType(String wireName) {
        return Arrays.stream(values())
                .filter(k -> k.isArtifact() && k.wireName.equals(wireName))
                .findFirst();
    }

    /** The stored name of this kind. */
    public String code() {
        return name();
    }

    public static Kind fromCode(String code) {
        return valueOf(code);
    }
}
