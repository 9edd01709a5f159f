package io.ponte.offload.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.ponte.offload.core.InvalidRequestException;
import io.ponte.offload.core.OffloadService;
import io.ponte.offload.core.PodRecord;
import io.ponte.offload.core.PodRequest;
import io.ponte.offload.core.PodStatusView;
import io.ponte.offload.core.VolumeData;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The interLink plugin API, as interLink's API server calls it (see INTERLINK-WIRE.md): bodies are
 * parsed here so that every malformed request gets a message naming what is wrong.
 */
@Path("/")
@Blocking
public class PluginResource {
    private final OffloadService service;
    private final ObjectMapper json;
    private final NodeAdvertisement node;
    private final LogStreams logs;

    PluginResource(OffloadService service, ObjectMapper json, NodeAdvertisement node, LogStreams logs) {
        this.service = service;
        this.json = json;
        this.node = node;
        this.logs = logs;
    }

    @POST
    @Path("create")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public WireCreated create(byte[] body) {
        JsonNode tree = WireJson.tree(json, body, "{\"pod\": <v1.Pod>, \"container\": [...]}");
        if (tree.isArray()) {
            if (tree.size() != 1) {
                throw new InvalidRequestException(
                        "send one pod per /create request (got an array of " + tree.size() + ")");
            }
            tree = tree.get(0);
        }
        if (!tree.isObject()) {
            throw new InvalidRequestException(
                    "the create request must be a JSON object {\"pod\": ..., \"container\": [...]}");
        }
        WireCreate request = WireJson.convert(json, tree, WireCreate.class, "create request");
        if (request.pod() == null) {
            throw new InvalidRequestException("create request: field 'pod' is missing");
        }
        List<VolumeData> volumes = new ArrayList<>();
        if (request.container() != null) {
            for (WireCreate.WireContainerData c : request.container()) {
                if (c != null) {
                    volumes.add(new VolumeData(c.name(), c.configMaps(), c.secrets(), c.projectedVolumeMaps()));
                }
            }
        }
        PodRecord record = service.create(new PodRequest(request.pod(), volumes));
        return new WireCreated(record.uid(), record.jobId());
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public String delete(byte[] body) {
        JsonNode tree = WireJson.tree(json, body, "a v1.Pod");
        List<Pod> pods = new ArrayList<>();
        if (tree.isArray()) {
            for (JsonNode element : tree) {
                pods.add(WireJson.convert(json, element, Pod.class, "delete request"));
            }
        } else {
            pods.add(WireJson.convert(json, tree, Pod.class, "delete request"));
        }
        StringBuilder answer = new StringBuilder();
        for (Pod pod : pods) {
            service.delete(pod);
            answer.append("deleted ")
                    .append(pod.getMetadata().getNamespace())
                    .append('/')
                    .append(pod.getMetadata().getName())
                    .append('\n');
        }
        return answer.toString();
    }

    @GET
    @Path("status")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(byte[] body) {
        JsonNode tree = WireJson.tree(json, body, "a JSON array of v1.Pod ([] to ping)");
        if (!tree.isArray()) {
            throw new InvalidRequestException("the status request must be a JSON array of pods ([] to ping)");
        }
        if (tree.isEmpty()) {
            return Response.ok(node.ping()).build();
        }
        List<String> uids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            Pod pod = WireJson.convert(json, tree.get(i), Pod.class, "status request [" + i + "]");
            if (pod.getMetadata() == null
                    || pod.getMetadata().getUid() == null
                    || pod.getMetadata().getUid().isBlank()) {
                throw new InvalidRequestException("status request [" + i + "]: metadata.uid is missing");
            }
            uids.add(pod.getMetadata().getUid());
            names.add(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName() + " (uid "
                    + pod.getMetadata().getUid() + ")");
        }
        List<PodStatusView> views = service.status(uids);
        if (views.isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND)
                    .type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("no pod of this request runs on this bridge (never created, or already deleted): "
                            + String.join(", ", names))
                    .build();
        }
        return Response.ok(views.stream().map(WirePodStatus::of).toList()).build();
    }

    /** The same as {@link #status}, for clients that cannot send a GET with a body. */
    @POST
    @Path("status")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response statusByPost(byte[] body) {
        return status(body);
    }

    @GET
    @Path("getLogs")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Multi<byte[]> getLogs(byte[] body) {
        JsonNode tree = WireJson.tree(json, body, "{\"PodUID\", \"ContainerName\", \"Opts\": {...}}");
        WireLogRequest request = WireJson.convert(json, tree, WireLogRequest.class, "log request");
        return logs.open(request);
    }

    /** The same as {@link #getLogs}, for clients that cannot send a GET with a body. */
    @POST
    @Path("getLogs")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Multi<byte[]> getLogsByPost(byte[] body) {
        return getLogs(body);
    }
}
