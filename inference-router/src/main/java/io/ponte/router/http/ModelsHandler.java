package io.ponte.router.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.router.access.ApiKey;
import io.ponte.router.config.RouterConfig.Protocol;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/** {@code GET /v1/models} and {@code GET /v1/models/{id}}: every model some backend serves. */
@Singleton
class ModelsHandler {

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
        ObjectNode root = s.mapper.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String model : s.registry.models(Protocol.OPENAI)) {
            if (key.get().allows(model)) {
                data.add(model(model));
            }
        }
        Responses.json(ctx.response(), root.toString(), requestId);
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
        Responses.json(ctx.response(), model(id).toString(), requestId);
    }

    private ObjectNode model(String id) {
        ObjectNode model = s.mapper.createObjectNode();
        model.put("id", id);
        model.put("object", "model");
        model.put("created", created);
        model.put("owned_by", "ponte");
        return model;
    }
}
