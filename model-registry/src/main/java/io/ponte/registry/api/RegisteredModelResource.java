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

/** Registered models and the versions under them. */
@Path(BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegisteredModelResource {

    private static final String ID = "registeredmodelId";

    private final Endpoints api;

    RegisteredModelResource(Endpoints api) {
        this.api = api;
    }

    @GET
    @Path("/registered_models")
    public ObjectNode list(@BeanParam ListParams params) {
        return api.list(Kind.REGISTERED_MODEL, params);
    }

    @POST
    @Path("/registered_models")
    public Response create(JsonNode body) {
        return api.create(Kind.REGISTERED_MODEL, body, Optional.empty());
    }

    @GET
    @Path("/registered_models/{id}")
    public Response get(@PathParam("id") String id) {
        return api.get(Kind.REGISTERED_MODEL, id, ID);
    }

    @PATCH
    @Path("/registered_models/{id}")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return api.patch(Kind.REGISTERED_MODEL, id, ID, body, ifMatch);
    }

    @GET
    @Path("/registered_models/{id}/versions")
    public ObjectNode versions(@PathParam("id") String id, @BeanParam ListParams params) {
        return api.list(EnumSet.of(Kind.MODEL_VERSION), params, Optional.of(Endpoints.id(ID, id)));
    }

    @POST
    @Path("/registered_models/{id}/versions")
    public Response createVersion(@PathParam("id") String id, JsonNode body) {
        return api.create(Kind.MODEL_VERSION, body, Optional.of(Endpoints.id(ID, id)));
    }

    @GET
    @Path("/registered_model")
    public Response find(@QueryParam("name") String name, @QueryParam("externalId") String externalId) {
        return api.find(EnumSet.of(Kind.REGISTERED_MODEL), name, externalId, null);
    }
}
