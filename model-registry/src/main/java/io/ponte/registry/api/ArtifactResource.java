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

/** Artifacts of every type, and model artifacts on their own path. */
@Path(BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ArtifactResource {

    private final Endpoints api;

    ArtifactResource(Endpoints api) {
        this.api = api;
    }

    @GET
    @Path("/artifacts")
    public ObjectNode list(@QueryParam("artifactType") String artifactType, @BeanParam ListParams params) {
        return api.list(Artifacts.kinds(artifactType), params, Optional.empty());
    }

    @POST
    @Path("/artifacts")
    public Response create(JsonNode body) {
        return api.create(Artifacts.kindOf(body), body, Optional.empty());
    }

    @GET
    @Path("/artifacts/{id}")
    public Response get(@PathParam("id") String id) {
        return api.get(Kind.ARTIFACTS, id, "id");
    }

    @PATCH
    @Path("/artifacts/{id}")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return api.patch(Kind.ARTIFACTS, id, "id", body, ifMatch);
    }

    @GET
    @Path("/artifact")
    public Response find(
            @QueryParam("name") String name,
            @QueryParam("externalId") String externalId,
            @QueryParam("parentResourceId") String parentResourceId) {
        return api.find(Kind.ARTIFACTS, name, externalId, parentResourceId);
    }

    @GET
    @Path("/model_artifacts")
    public ObjectNode listModelArtifacts(@BeanParam ListParams params) {
        return api.list(Kind.MODEL_ARTIFACT, params);
    }

    @POST
    @Path("/model_artifacts")
    public Response createModelArtifact(JsonNode body) {
        return api.create(Kind.MODEL_ARTIFACT, body, Optional.empty());
    }

    @GET
    @Path("/model_artifacts/{id}")
    public Response getModelArtifact(@PathParam("id") String id) {
        return api.get(Kind.MODEL_ARTIFACT, id, "modelartifactId");
    }

    @PATCH
    @Path("/model_artifacts/{id}")
    public Response patchModelArtifact(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return api.patch(Kind.MODEL_ARTIFACT, id, "modelartifactId", body, ifMatch);
    }

    @GET
    @Path("/model_artifact")
    public Response findModelArtifact(
            @QueryParam("name") String name,
            @QueryParam("externalId") String externalId,
            @QueryParam("parentResourceId") String parentResourceId) {
        return api.find(EnumSet.of(Kind.MODEL_ARTIFACT), name, externalId, parentResourceId);
    }
}
