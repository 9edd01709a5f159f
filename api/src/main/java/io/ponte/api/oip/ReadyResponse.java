package io.ponte.api.oip;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body KServe model servers answer on {@code GET /v2/health/ready} ({@code {"ready": true}}) and
 * on {@code GET /v2/models/{name}/ready} ({@code {"name": "…", "ready": true}}). The protocol
 * itself needs only the HTTP status, so clients must not require this body.
 *
 * @param name the model, for model readiness only
 * @param ready whether the server or model is ready
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadyResponse(String name, boolean ready) {

    /** Server readiness. */
    public static ReadyResponse server(boolean ready) {
        return new ReadyResponse(null, ready);
    }

    /** Readiness of model {@code name}. */
    public static ReadyResponse model(String name, boolean ready) {
        return new ReadyResponse(name, ready);
    }
}
