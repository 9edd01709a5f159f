package io.ponte.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.registry.adapter.messaging.EventLog;
import io.ponte.registry.core.ModelLocator;
import io.ponte.registry.core.RegistryException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What Ponte adds to the Kubeflow API: aliases, {@code model-registry://} resolution, recent events. */
@Path("/api/ponte/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PonteResource {

    private static final String MODEL = "registeredmodelId";

    private final ModelLocator locator;
    private final EventLog events;

    PonteResource(ModelLocator locator, EventLog events) {
        this.locator = locator;
        this.events = events;
    }

    @GET
    @Path("/registered_models/{id}/aliases")
    public ObjectNode aliases(@PathParam("id") String id) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ObjectNode aliases = out.putObject("aliases");
        locator.aliases(Endpoints.id(MODEL, id)).forEach((alias, version) -> aliases.put(alias, version.toString()));
        return out;
    }

    /** The model version the alias points at. */
    @GET
    @Path("/registered_models/{id}/aliases/{alias}")
    public Response alias(@PathParam("id") String id, @PathParam("alias") String alias) {
        return Endpoints.withTag(Response.ok(), locator.alias(Endpoints.id(MODEL, id), alias));
    }

    /** Body {@code {"modelVersionId": "7"}}; answers the version now behind the alias. */
    @PUT
    @Path("/registered_models/{id}/aliases/{alias}")
    public Response setAlias(@PathParam("id") String id, @PathParam("alias") String alias, JsonNode body) {
        JsonNode version = EntityJson.object(body).get("modelVersionId");
        if (version == null || version.isNull()) {
            throw RegistryException.invalid("modelVersionId", "field 'modelVersionId' is required");
        }
        long versionId = EntityJson.id("modelVersionId", version);
        return Endpoints.withTag(Response.ok(), locator.setAlias(Endpoints.id(MODEL, id), alias, versionId));
    }

    @DELETE
    @Path("/registered_models/{id}/aliases/{alias}")
    public Response deleteAlias(@PathParam("id") String id, @PathParam("alias") String alias) {
        locator.deleteAlias(Endpoints.id(MODEL, id), alias);
        return Response.noContent().build();
    }

    /** What a {@code model-registry://} URI points at, down to the artifact's storage URI. */
    @GET
    @Path("/resolve")
    public ObjectNode resolve(@QueryParam("uri") String uri) {
        var r = locator.resolve(uri);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("uri", r.artifact().prop("uri").orElseThrow());
        out.put("registeredModelId", Long.toString(r.registeredModel().id()));
        out.put("modelVersionId", Long.toString(r.version().id()));
        out.put("modelVersionName", r.version().name());
        out.put("modelArtifactId", Long.toString(r.artifact().id()));
        r.artifact().prop("modelFormatName").ifPresent(v -> out.put("modelFormatName", v));
        r.artifact().prop("modelFormatVersion").ifPresent(v -> out.put("modelFormatVersion", v));
        return out;
    }

    /** The latest registry events, oldest first (the in-process subscriber's view). */
    @GET
    @Path("/events")
    public Response events() {
        return Response.ok("[" + String.join(",", events.recent()) + "]").build();
    }
}
