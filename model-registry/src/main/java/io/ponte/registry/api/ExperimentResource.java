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

/** Experiments, their runs, and what the runs logged. */
@Path(BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExperimentResource {

    private static final String EXPERIMENT = "experimentId";
    private static final String RUN = "experimentrunId";

    private final Endpoints api;
    private final Artifacts artifacts;

    ExperimentResource(Endpoints api, Artifacts artifacts) {
        this.api = api;
        this.artifacts = artifacts;
    }

    @GET
    @Path("/experiments")
    public ObjectNode listExperiments(@BeanParam ListParams params) {
        return api.list(Kind.EXPERIMENT, params);
    }

    @POST
    @Path("/experiments")
    public Response createExperiment(JsonNode body) {
        return api.create(Kind.EXPERIMENT, body, Optional.empty());
    }

    @GET
    @Path("/experiments/{id}")
    public Response getExperiment(@PathParam("id") String id) {
        return api.get(Kind.EXPERIMENT, id, EXPERIMENT);
    }

    @PATCH
    @Path("/experiments/{id}")
    public Response patchExperiment(
            @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return api.patch(Kind.EXPERIMENT, id, EXPERIMENT, body, ifMatch);
    }

    @GET
    @Path("/experiment")
    public Response findExperiment(@QueryParam("name") String name, @QueryParam("externalId") String externalId) {
        return api.find(EnumSet.of(Kind.EXPERIMENT), name, externalId, null);
    }

    @GET
    @Path("/experiments/{id}/experiment_runs")
    public ObjectNode experimentRuns(@PathParam("id") String id, @BeanParam ListParams params) {
        return api.list(EnumSet.of(Kind.EXPERIMENT_RUN), params, Optional.of(Endpoints.id(EXPERIMENT, id)));
    }

    @POST
    @Path("/experiments/{id}/experiment_runs")
    public Response createExperimentRun(@PathParam("id") String id, JsonNode body) {
        return api.create(Kind.EXPERIMENT_RUN, body, Optional.of(Endpoints.id(EXPERIMENT, id)));
    }

    @GET
    @Path("/experiment_runs")
    public ObjectNode listRuns(@BeanParam ListParams params) {
        return api.list(Kind.EXPERIMENT_RUN, params);
    }

    @POST
    @Path("/experiment_runs")
    public Response createRun(JsonNode body) {
        return api.create(Kind.EXPERIMENT_RUN, body, Optional.empty());
    }

    @GET
    @Path("/experiment_runs/{id}")
    public Response getRun(@PathParam("id") String id) {
        return api.get(Kind.EXPERIMENT_RUN, id, RUN);
    }

    @PATCH
    @Path("/experiment_runs/{id}")
    public Response patchRun(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode body) {
        return api.patch(Kind.EXPERIMENT_RUN, id, RUN, body, ifMatch);
    }

    @GET
    @Path("/experiment_run")
    public Response findRun(
            @QueryParam("name") String name,
            @QueryParam("externalId") String externalId,
            @QueryParam("parentResourceId") String parentResourceId) {
        return api.find(EnumSet.of(Kind.EXPERIMENT_RUN), name, externalId, parentResourceId);
    }

    @GET
    @Path("/experiment_runs/{id}/artifacts")
    public ObjectNode runArtifacts(
            @PathParam("id") String id, @QueryParam("artifactType") String artifactType, @BeanParam ListParams params) {
        return api.list(Artifacts.kinds(artifactType), params, Optional.of(Endpoints.id(RUN, id)));
    }

    @POST
    @Path("/experiment_runs/{id}/artifacts")
    public Response upsertRunArtifact(@PathParam("id") String id, JsonNode body) {
        return artifacts.upsert(Kind.EXPERIMENT_RUN, Endpoints.id(RUN, id), body);
    }

    @GET
    @Path("/experiment_runs/{id}/metric_history")
    public ObjectNode runMetricHistory(
            @PathParam("id") String id, @QueryParam("stepIds") String stepIds, @BeanParam ListParams params) {
        return api.metricHistory(params, stepIds, Optional.of(Endpoints.id(RUN, id)));
    }

    @GET
    @Path("/experiment_runs/metric_history")
    public ObjectNode metricHistory(@QueryParam("stepIds") String stepIds, @BeanParam ListParams params) {
        return api.metricHistory(params, stepIds, Optional.empty());
    }
}
