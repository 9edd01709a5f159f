package io.ponte.registry.api;

import static io.ponte.registry.api.Endpoints.BASE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.core.Kind;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Optional;

/** Serving environments, the inference services in them, and the serve-model records of those. */
@Path(BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServingResource {

    private static final String ENV = "servingenvironmentId";
    private static final String ISVC = "inferenceserviceId";

    private final Endpoints api;

    ServingResource(Endpoints api) {
        this.api = api;
    }

    @GET
    @Path("/serving_environments")
    public ObjectNode listEnvironments(@BeanParam ListParams params) {
        return api.list(Kind.SERVING_ENVIRONMENT, params);
    }

    @POST
    @Path("/serving_environments")
    public Response createEnvironment(JsonNode body) {
        return api.create(Kind.SERVING_ENVIRONMENT, body, Optional.empty());
    }

    @GET
    @Path("/serving_environments/{id}")
    public Response getEnvironment(@PathParam("id") String id) {
        return api.get(Kind.SERVING_ENVIRONMENT, id, ENV);
    }

    @PATCH
    @Path("/serving_environments/{id}")
    public Response patchEnvironment(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return api.patch(Kind.SERVING_ENVIRONMENT, id, ENV, body, ifMatch);
    }

    @GET
    @Path("/serving_environment")
    public Response findEnvironment(@QueryParam("name") String name, @QueryParam("externalId") String externalId) {
        return api.find(EnumSet.of(Kind.SERVING_ENVIRONMENT), name, externalId, null);
    }

    @GET
    @Path("/serving_environments/{id}/inference_services")
    public ObjectNode environmentServices(@PathParam("id") String id, @BeanParam ListParams params) {
        return api.list(EnumSet.of(Kind.INFERENCE_SERVICE), params, Optional.of(Endpoints.id(ENV, id)));
    }

    @POST
    @Path("/serving_environments/{id}/inference_services")
    public Response createEnvironmentService(@PathParam("id") String id, JsonNode body) {
        return api.create(Kind.INFERENCE_SERVICE, body, Optional.of(Endpoints.id(ENV, id)));
    }

    @GET
    @Path("/inference_services")
    public ObjectNode listServices(@BeanParam ListParams params) {
        return api.list(Kind.INFERENCE_SERVICE, params);
    }

    @POST
    @Path("/inference_services")
    public Response createService(JsonNode body) {
        // The contract answers this create with 200, unlike every other create (201): follow it.
        Response created = api.create(Kind.INFERENCE_SERVICE, body, Optional.empty());
        return Response.fromResponse(created).status(Response.Status.OK).build();
    }

    @GET
    @Path("/inference_services/{id}")
    public Response getService(@PathParam("id") String id) {
        return api.get(Kind.INFERENCE_SERVICE, id, ISVC);
    }

    @PATCH
    @Path("/inference_services/{id}")
    public Response patchService(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return api.patch(Kind.INFERENCE_SERVICE, id, ISVC, body, ifMatch);
    }

    @GET
    @Path("/inference_service")
    public Response findService(
            @QueryParam("name") String name,
            @QueryParam("externalId") String externalId,
            @QueryParam("parentResourceId") String parentResourceId) {
        return api.find(EnumSet.of(Kind.INFERENCE_SERVICE), name, externalId, parentResourceId);
    }

    /** The registered model an inference service serves. */
    @GET
    @Path("/inference_services/{id}/model")
    public Response serviceModel(@PathParam("id") String id) {
        var isvc = api.registry().get(Kind.INFERENCE_SERVICE, Endpoints.id(ISVC, id));
        return Endpoints.withTag(
                Response.ok(),
                api.registry()
                        .get(
                                Kind.REGISTERED_MODEL,
                                Long.parseLong(isvc.prop("registeredModelId").orElseThrow())));
    }

    /** The version an inference service serves: the one it names, else the registered model's latest. */
    @GET
    @Path("/inference_services/{id}/version")
    public Response serviceVersion(@PathParam("id") String id) {
        var isvc = api.registry().get(Kind.INFERENCE_SERVICE, Endpoints.id(ISVC, id));
        return Endpoints.withTag(Response.ok(), api.registry().servedVersion(isvc));
    }

    @GET
    @Path("/inference_services/{id}/serves")
    public ObjectNode serves(@PathParam("id") String id, @BeanParam ListParams params) {
        return api.list(EnumSet.of(Kind.SERVE_MODEL), params, Optional.of(Endpoints.id(ISVC, id)));
    }

    @POST
    @Path("/inference_services/{id}/serves")
    public Response createServe(@PathParam("id") String id, JsonNode body) {
        return api.create(Kind.SERVE_MODEL, body, Optional.of(Endpoints.id(ISVC, id)));
    }
}
