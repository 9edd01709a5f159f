package io.ponte.registry.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.registry.core.Deployed;
import io.ponte.registry.core.Deployments;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Deploying model versions to KServe and undeploying them: Ponte's addition to the Kubeflow API. */
@Path("/api/ponte/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DeployResource {

    private static final String VERSION = "modelversionId";
    private static final String SERVICE = "inferenceserviceId";

    private final Deployments deployments;

    DeployResource(Deployments deployments) {
        this.deployments = deployments;
    }

    /**
     * Body {@code {"placement": "leonardo-h100", "namespace": .., "name": .., "runtime": .., "minReplicas": ..,
     * "maxReplicas": ..}}, only {@code placement} required; answers the registry's InferenceService record and the
     * KServe InferenceService as stored.
     */
    @POST
    @Path("/model_versions/{id}/deploy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deploy(@PathParam("id") String id, JsonNode body) {
        Deployed deployed = deployments.deploy(Endpoints.id(VERSION, id), DeployJson.request(body));
        return Response.created(URI.create(Endpoints.BASE + "/inference_services/"
                        + deployed.inferenceService().id()))
                .entity(DeployJson.write(deployed))
                .build();
    }

    /** Deletes the InferenceService the record follows and answers the record, now {@code UNDEPLOYED}. */
    @POST
    @Path("/inference_services/{id}/undeploy")
    public Response undeploy(@PathParam("id") String id) {
        return Endpoints.withTag(Response.ok(), deployments.undeploy(Endpoints.id(SERVICE, id)));
    }
}
