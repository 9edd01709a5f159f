package io.ponte.registry.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks every request and response a test sends through REST Assured against the Kubeflow Model Registry
 * OpenAPI document in {@code ../shared/contracts}. When that directory is not there (a user without it), the
 * filters let everything through and {@link #available()} says so.
 */
public final class Contract {

    private static final Path SPEC = Path.of(System.getProperty("ponte.shared.dir", "../../shared"))
            .resolve("contracts/kubeflow-model-registry-openapi.yaml");

    private static Filter strict;
    private static Filter responses;

    private Contract() {}

    public static boolean available() {
        return Files.isReadable(SPEC);
    }

    public static Optional<Path> spec() {
        return available() ? Optional.of(SPEC) : Optional.empty();
    }

    /** Validates both the request and the response. */
    public static synchronized Filter strict() {
        if (strict == null) {
            strict = build(openSchemas().build(), false);
        }
        return strict;
    }

    /** Validates the response only: for tests that send a request the contract forbids, on purpose. */
    public static synchronized Filter responsesOnly() {
        if (responses == null) {
            responses = build(
                    LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build(),
                    true);
        }
        return responses;
    }

    /**
     * Two places where the validator is stricter than the document. (1) It treats every schema as closed ({@code additionalProperties: false}) although the document does
     * not say so. That strictness stays on for entities, where an extra field would be our bug; error bodies are
     * RFC 9457 problem documents, which carry {@code type}, {@code detail}, {@code field}... next to the
     * contract's {@code code} and {@code message}, so for those only the declared fields are checked.
     */
    /**
     * The document, with one defect repaired: OpenAPI 3.0 requires a discriminator property to be required in
     * every schema its mapping names, and the document's {@code artifactType} is not (nor constrained to the
     * branch's value); the validator refuses to validate any artifact until it is. Every artifact this service
     * writes carries {@code artifactType}.
     */
    private static String withRequiredDiscriminators() {
        try {
            var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            var doc = (com.fasterxml.jackson.databind.node.ObjectNode) yaml.readTree(SPEC.toFile());
            var schemas = (com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/components/schemas");
            schemas.forEach(schema -> {
                var discriminator = schema.get("discriminator");
                if (discriminator == null) {
                    return;
                }
                String property = discriminator.get("propertyName").asText();
                discriminator.path("mapping").fields().forEachRemaining(entry -> {
                    String ref = entry.getValue().asText();
                    var target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
                    pin(target, property, entry.getKey());
                    target.path("allOf").forEach(part -> pin(part, property, entry.getKey()));
                });
            });
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(doc);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + SPEC, e);
        }
    }

    /**
     * Where a schema declares the discriminator property: marks it required (the validator looks there) and
     * restricts it to the schema's own mapping value, which is what the discriminator means; without that, every
     * branch of the open oneOf matches every artifact and the validator cannot tell them apart.
     */
    private static void pin(com.fasterxml.jackson.databind.JsonNode schema, String property, String value) {
        if (!schema.path("properties").has(property)) {
            return;
        }
        var object = (com.fasterxml.jackson.databind.node.ObjectNode) schema;
        ((com.fasterxml.jackson.databind.node.ObjectNode)
                        object.get("properties").get(property))
                .putArray("enum")
                .add(value);
        var required = object.has("required")
                ? (com.fasterxml.jackson.databind.node.ArrayNode) object.get("required")
                : object.putArray("required");
        for (var r : required) {
            if (r.asText().equals(property)) {
                return;
            }
        }
        required.add(property);
    }

    private static LevelResolver.Builder openSchemas() {
        return LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.IGNORE);
    }

    private static Filter build(LevelResolver levels, boolean lenient) {
        if (!available()) {
            return (request, response, ctx) -> ctx.next(request, response);
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                        withRequiredDiscriminators())
                .withLevelResolver(levels)
                .build();
        return (request, response, ctx) -> {
            var answer = ctx.next(request, response);
            ValidationReport report =
                    validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(answer));
            var errors = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .filter(m -> !m.getKey().endsWith("schema.additionalProperties"))
                    .filter(m -> !(lenient
                            && answer.statusCode() >= 400
                            && answer.statusCode() < 500
                            && m.getKey().equals("validation.response.status.unknown")))
                    .toList();
            if (!errors.isEmpty()) {
                throw new AssertionError(request.getMethod() + " " + request.getURI() + " -> " + answer.statusCode()
                        + " breaks the contract:\n"
                        + errors.stream()
                                .map(m -> "  " + m.getKey() + ": " + m.getMessage())
                                .reduce("", String::concat)
                        + "\nbody: " + answer.asString());
            }
            return answer;
        };
    }
}
