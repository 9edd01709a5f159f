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
            strict = build(LevelResolver.create().build());
        }
        return strict;
    }

    /** Validates the response only: for tests that send a request the contract forbids, on purpose. */
    public static synchronized Filter responsesOnly() {
        if (responses == null) {
            responses = build(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build());
        }
        return responses;
    }

    /**
     * The validator treats every schema as closed ({@code additionalProperties: false}) although the document does
     * not say so. That strictness stays on for entities, where an extra field would be our bug; error bodies are
     * RFC 9457 problem documents, which carry {@code type}, {@code detail}, {@code field}... next to the
     * contract's {@code code} and {@code message}, so for those only the declared fields are checked.
     */
    private static Filter build(LevelResolver levels) {
        if (!available()) {
            return (request, response, ctx) -> ctx.next(request, response);
        }
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                        SPEC.toUri().toString())
                .withLevelResolver(levels)
                .withResolveCombinators(true)
                .build();
        return (request, response, ctx) -> {
            var answer = ctx.next(request, response);
            ValidationReport report =
                    validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(answer));
            var errors = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .filter(m -> !(answer.statusCode() >= 400 && m.getKey().endsWith("schema.additionalProperties")))
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
