package io.ponte.router.http;

import io.opentelemetry.api.trace.Span;
import io.ponte.router.access.ApiKey;
import io.ponte.router.access.RateDecision;
import io.ponte.router.config.RouterConfig.Protocol;
import io.ponte.router.core.Endpoint;
import io.ponte.router.core.InvalidRequestException;
import io.ponte.router.core.Pool;
import io.ponte.router.core.ProxyRequest;
import io.ponte.router.core.RequestValidator;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The front door of {@code /v1/chat/completions}, {@code /v1/completions}, {@code /v1/embeddings} and
 * the v2 inference pass-through: authenticate, validate, find the pool, admit, then hand over to a
 * {@link ProxyExchange}.
 */
@Singleton
class ProxyHandler {

    private final ProxyServices s;
    private final Gate gate;
    private final RequestValidator validator;

    @Inject
    ProxyHandler(ProxyServices services, Gate gate) {
        this.s = services;
        this.gate = gate;
        this.validator = new RequestValidator(services.mapper, services.config.injectStreamUsage());
    }

    /** An OpenAI operation; the body has been read by the route's body handler. */
    void openAi(RoutingContext ctx, Endpoint endpoint) {
        long arrival = System.nanoTime();
        String requestId = RequestIds.from(ctx.request().getHeader("x-request-id"));
        Optional<ApiKey> key = gate.authenticate(ctx, ErrorStyle.OPENAI, requestId);
        if (key.isEmpty()) {
            return;
        }
        ProxyRequest request;
        try {
            request = validator.validate(
                    endpoint,
                    ctx.body().buffer() == null
                            ? new byte[0]
                            : ctx.body().buffer().getBytes());
        } catch (InvalidRequestException e) {
            Responses.error(
                    ctx.response(),
                    s.mapper,
                    ErrorStyle.OPENAI,
                    ApiError.invalid(e.param(), e.getMessage()),
                    requestId);
            return;
        }
        Call call = new Call(
                endpoint.name().toLowerCase(),
                HttpMethod.POST,
                endpoint.path(),
                request.upstreamBody(),
                request.model(),
                request.stream(),
                request.stripUsageChunk(),
                key.get(),
                ErrorStyle.OPENAI);
        route(ctx, call, Protocol.OPENAI, requestId, arrival);
    }

    /** An Open Inference Protocol v2 call on {@code model}, forwarded as it came. */
    void v2(RoutingContext ctx, String model, String operation) {
        long arrival = System.nanoTime();
        String requestId = RequestIds.from(ctx.request().getHeader("x-request-id"));
        Optional<ApiKey> key = gate.authenticate(ctx, ErrorStyle.V2, requestId);
        if (key.isEmpty()) {
            return;
        }
        byte[] body = ctx.request().method() == HttpMethod.POST && ctx.body().buffer() != null
                ? ctx.body().buffer().getBytes()
                : null;
        Call call = new Call(
                "v2." + operation,
                ctx.request().method(),
                ctx.request().path(),
                body,
                model,
                false,
                false,
                key.get(),
                ErrorStyle.V2);
        route(ctx, call, Protocol.V2, requestId, arrival);
    }

    private void route(RoutingContext ctx, Call call, Protocol protocol, String requestId, long arrival) {
        Span.current().setAttribute("ponte.request_id", requestId).setAttribute("gen_ai.request.model", call.model());
        if (!call.key().allows(call.model())) {
            Responses.error(
                    ctx.response(),
                    s.mapper,
                    call.style(),
                    new ApiError(
                            403,
                            "permission_error",
                            "model_not_allowed",
                            "model",
                            "This API key may not use the model '" + call.model() + "'."),
                    requestId);
            return;
        }
        Optional<Pool> pool = s.registry.pool(protocol, call.model());
        if (pool.isEmpty() || pool.get().isEmpty()) {
            Responses.error(ctx.response(), s.mapper, call.style(), ApiError.unknownModel(call.model()), requestId);
            return;
        }
        if (!call.key().limited()) {
            new ProxyExchange(s, call, pool.get(), ctx.response(), requestId, arrival).start(System.nanoTime());
            return;
        }
        Context context = Vertx.currentContext();
        s.limiter.admit(call.key()).whenComplete((decision, error) -> {
            if (Vertx.currentContext() == context) {
                admitted(ctx, call, pool.get(), requestId, arrival, decision, error);
            } else {
                context.runOnContext(v -> admitted(ctx, call, pool.get(), requestId, arrival, decision, error));
            }
        });
    }

    private void admitted(
            RoutingContext ctx,
            Call call,
            Pool pool,
            String requestId,
            long arrival,
            RateDecision decision,
            Throwable error) {
        if (ctx.response().closed()) {
            return;
        }
        if (error != null) {
            Responses.error(
                    ctx.response(),
                    s.mapper,
                    call.style(),
                    ApiError.upstream(
                            503, "rate_limiter_unavailable", "The rate limiter is unavailable; try again shortly."),
                    requestId);
            return;
        }
        if (!decision.allowed()) {
            long seconds = decision.retryAfterSeconds();
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            Responses.error(
                    ctx.response(),
                    s.mapper,
                    call.style(),
                    new ApiError(
                            429,
                            "rate_limit_error",
                            "rate_limit_exceeded",
                            null,
                            "Rate limit reached for " + decision.limit() + " per minute on this API key; retry after "
                                    + seconds + " s."),
                    requestId);
            return;
        }
        new ProxyExchange(s, call, pool, ctx.response(), requestId, arrival).start(System.nanoTime());
    }
}
