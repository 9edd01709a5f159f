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

/** Model versions and the artifacts attached to them. */
@Path(BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModelVersionResource {

    private static final String ID = "modelversionId";

    private final Endpoints api;
    private final Artifacts artifacts;

    ModelVersionResource(Endpoints api, Artifacts artifacts) {
        this.api = api;
        this.artifacts = artifacts;
    }

    @GET
    @Path("/model_versions")
    public ObjectNode list(@BeanParam ListParams params) {
        return api.list(Kind.MODEL_VERSION, params);
    }

    @POST
    @Path("/model_versions")
    public Response create(JsonNode body) {
        return api.create(Kind.MODEL_VERSION, body, Optional.empty());
    }

    @GET
    @Path("/model_versions/{id}")
    public Response get(@PathParam("id") String id) {
        return api.get(Kind.MODEL_VERSION, id, ID);
    }

    @PATCH
    @Path("/model_versions/{id}")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return api.patch(Kind.MODEL_VERSION, id, ID, body, ifMatch);
    }

    @GET
    @Path("/model_versions/{id}/artifacts")
    public ObjectNode artifacts(
            @PathParam("id") String id, @QueryParam("artifactType") String artifactType, @BeanParam ListParams params) {
        return api.list(Artifacts.kinds(artifactType), params, Optional.of(Endpoints.id(ID, id)));
    }

    @POST
    @Path("/model_versions/{id}/artifacts")
    public Response upsertArtifact(@PathParam("id") String id, JsonNode body) {
        return artifacts.upsert(Kind.MODEL_VERSION, Endpoints.id(ID, id), body);
    }

    @GET
    @Path("/model_version")
    public Response find(
            @QueryParam("name") String name,
            @QueryParam("externalId") String externalId,
            @QueryParam("parentResourceId") String parentResourceId) {
        return api.find(EnumSet.of(Kind.MODEL_VERSION), name, externalId, parentResourceId);
    }
}
