package io.ponte.router.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ponte.api.openai.Model;
import io.ponte.api.openai.ModelList;
import io.ponte.router.access.ApiKey;
import io.ponte.router.config.RouterConfig.Protocol;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: every model some backend serves. */
@Singleton
class ModelsHandler {

    private static final String OWNER = "ponte";

    private final ProxyServices s;
    private final Gate gate;
    private final long created = System.currentTimeMillis() / 1000;

    @Inject
    ModelsHandler(ProxyServices services, Gate gate) {
        this.s = services;
        this.gate = gate;
    }

    void list(RoutingContext ctx) {
        String requestId = RequestIds.from(ctx.request().getHeader("x-request-id"));
        Optional<ApiKey> key = gate.authenticate(ctx, ErrorStyle.OPENAI, requestId);
        if (key.isEmpty()) {
            return;
        }
        List<Model> models = s.registry.models(Protocol.OPENAI).stream()
                .filter(key.get()::allows)
                .map(id -> Model.of(id, created, OWNER))
                .toList();
        Responses.json(ctx.response(), json(ModelList.of(models)), requestId);
    }

    void get(RoutingContext ctx, String id) {
        String requestId = RequestIds.from(ctx.request().getHeader("x-request-id"));
        Optional<ApiKey> key = gate.authenticate(ctx, ErrorStyle.OPENAI, requestId);
        if (key.isEmpty()) {
            return;
        }
        if (!key.get().allows(id) || s.registry.pool(Protocol.OPENAI, id).isEmpty()) {
            Responses.error(ctx.response(), s.mapper, ErrorStyle.OPENAI, ApiError.unknownModel(id), requestId);
            return;
        }
        Responses.json(ctx.response(), json(Model.of(id, created, OWNER)), requestId);
    }

    private String json(Object body) {
        try {
            return s.mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model list could not be written", e);
        }
    }
}
