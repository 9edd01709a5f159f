package io.ponte.cli.http;

import static io.ponte.cli.http.Fields.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;

/**
 * A Ponte service could not do what was asked, or could not be reached. Its message is meant for people and is
 * printed as {@code error: <message>}; it never holds a bearer token.
 */
public final class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private ServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * An error answer: the {@code detail} of its RFC 9457 problem body (else a Kubeflow {@code message}) and the
     * {@code field} it names, or its status and request when the body is neither.
     */
    public static ServiceException answer(Service service, int status, String method, String path, String body) {
        Optional<ObjectNode> problem = Json.maybeObject(body);
        String detail = problem.flatMap(p -> text(p, "detail").or(() -> text(p, "message")))
                .filter(s -> !s.isBlank())
                .orElse("the " + service.shortName() + " answered HTTP " + status + " to " + method + " " + path);
        String field = problem.flatMap(p -> text(p, "field"))
                .map(f -> " (field: " + f + ")")
                .orElse("");
        return new ServiceException(detail + field, null);
    }

    /** Nothing listens at {@code base}, or it cannot be resolved or reached in time. */
    static ServiceException unreachable(Service service, URI base, String why, Throwable cause) {
        return new ServiceException(
                "the " + service.name() + " is not reachable at " + base + " (" + why + "). "
                        + "`ponte up` starts it; " + service.urlOption() + " URL or " + service.urlVariable()
                        + " points elsewhere.",
                cause);
    }

    /** The exchange failed some other way: a deadline passed, the answer was not what was expected. */
    public static ServiceException failed(String message, Throwable cause) {
        return new ServiceException(message, cause);
    }

    /** With {@code hint} appended to the message. */
    ServiceException withHint(String hint) {
        return new ServiceException(getMessage() + "; " + hint, getCause());
    }
}
