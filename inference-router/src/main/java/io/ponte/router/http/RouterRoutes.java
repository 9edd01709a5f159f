package io.ponte.router.http;

import io.ponte.router.config.RouterConfig;
import io.ponte.router.core.Endpoint;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Mounts the router's HTTP surface on Quarkus' Vert.x router. */
@ApplicationScoped
class RouterRoutes {

    private static final Logger LOG = Logger.getLogger(RouterRoutes.class);

    @Inject
    ProxyHandler proxy;

    @Inject
    ModelsHandler models;

    @Inject
    ProxyServices services;

    @Inject
    RouterConfig config;

    void mount(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false)
                .setBodyLimit(config.maxRequestBytes())
                .setHandleFileUploads(false)
                .setMergeFormAttributes(false);

        openAi(router.post("/v1/chat/completions"), body, Endpoint.CHAT);
        openAi(router.post("/v1/completions"), body, Endpoint.COMPLETIONS);
        openAi(router.post("/v1/embeddings"), body, Endpoint.EMBEDDINGS);
        router.get("/v1/models").handler(models::list);
        router.getWithRegex("/v1/models/(.+)").handler(ctx -> models.get(ctx, ctx.pathParam("param0")));
        router.route("/v1/*").handler(ctx -> unknown(ctx, ErrorStyle.OPENAI));

        router.postWithRegex("/v2/models/([^/]+)(?:/versions/[^/]+)?/infer")
                .handler(body)
                .handler(ctx -> proxy.v2(ctx, ctx.pathParam("param0"), "infer"))
                .failureHandler(ctx -> failure(ctx, ErrorStyle.V2));
        router.getWithRegex("/v2/models/([^/]+)(?:/versions/[^/]+)?/ready")
                .handler(ctx -> proxy.v2(ctx, ctx.pathParam("param0"), "ready"));
        router.getWithRegex("/v2/models/([^/]+)(?:/versions/[^/]+)?")
                .handler(ctx -> proxy.v2(ctx, ctx.pathParam("param0"), "metadata"));
        router.route("/v2/*").handler(ctx -> unknown(ctx, ErrorStyle.V2));
    }

    private void openAi(Route route, BodyHandler body, Endpoint endpoint) {
        route.handler(body)
                .handler(ctx -> proxy.openAi(ctx, endpoint))
                .failureHandler(ctx -> failure(ctx, ErrorStyle.OPENAI));
    }

    private void unknown(RoutingContext ctx, ErrorStyle style) {
        String requestId = RequestIds.from(ctx.request().getHeader("x-request-id"));
        Responses.error(
                ctx.response(),
                services.mapper,
                style,
                new ApiError(
                        404,
                        "not_found_error",
                        "unknown_url",
                        null,
                        "Unknown request URL: " + ctx.request().method() + " "
                                + ctx.request().path() + "."),
                requestId);
    }

    /** Failures raised before our handlers run: the body limit, mostly. */
    private void failure(RoutingContext ctx, ErrorStyle style) {
        String requestId = RequestIds.from(ctx.request().getHeader("x-request-id"));
        int status = ctx.statusCode();
        ApiError error = status == 413
                ? new ApiError(
                        413,
                        "invalid_request_error",
                        "request_too_large",
                        null,
                        "The request body is larger than the limit of " + config.maxRequestBytes() + " bytes.")
                : status == 400
                        ? ApiError.invalid(null, "The request body could not be read.")
                        : new ApiError(
                                500,
                                "api_error",
                                "internal_error",
                                null,
                                "The router failed to handle the request (request id " + requestId + ").");
        if (error.status() == 500) {
            LOG.errorf(ctx.failure(), "Request %s failed inside the router", requestId);
        }
        Responses.error(ctx.response(), services.mapper, style, error, requestId);
    }
}
