package io.ponte.cli.registry;

import static io.ponte.cli.registry.Fields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;

/**
 * The registry could not do what was asked, or could not be reached. Its message is meant for
 * people and is printed as {@code error: <message>}; it never holds the bearer token.
 */
public final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private RegistryException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An error answer: its {@code detail} (else the Kubeflow {@code message}) and the {@code field}
     * it names, or its status and request when the body is not such a problem.
     */
    static RegistryException answer(int status, String method, String path, String body) {
        Optional<ObjectNode> problem = problem(body);
        String detail = problem.flatMap(p -> text(p, "detail").or(() -> text(p, "message")))
                .filter(s -> !s.isBlank())
                .orElse("the registry answered HTTP " + status + " to " + method + " " + path);
        String field = problem.flatMap(p -> text(p, "field"))
                .map(f -> " (field: " + f + ")")
                .orElse("");
        return new RegistryException(detail + field, null);
    }

    /** Nothing listens at {@code base}, or it cannot be resolved or reached in time. */
    static RegistryException unreachable(URI base, String why, Throwable cause) {
        return new RegistryException(
                "the model registry is not reachable at " + base + " (" + why + "). "
                        + "`ponte up` starts it; --registry URL or PONTE_REGISTRY_URL points elsewhere.",
                cause);
    }

    /** The exchange failed some other way: a deadline passed, the answer was not JSON. */
    static RegistryException failed(String message, Throwable cause) {
        return new RegistryException(message, cause);
    }

    /** With {@code hint} appended to the message. */
    RegistryException withHint(String hint) {
        return new RegistryException(getMessage() + "; " + hint, getCause());
    }

    private static Optional<ObjectNode> problem(String body) {
        try {
            return Optional.of(RegistryClient.object(body));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
