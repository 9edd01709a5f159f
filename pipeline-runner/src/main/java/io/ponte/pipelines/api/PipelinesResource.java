package io.ponte.pipelines.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.core.plan.PlanJson;
import io.ponte.pipelines.core.plan.Planner;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Plans a pipeline without running it: the IR in, the planned DAG out (tasks with their
 * dependencies and resolved executors, as {@link PlanJson} documents), or a 400 problem naming the
 * IR path at fault. The IR comes as YAML or JSON text ({@code application/yaml}, {@code text/plain})
 * or as JSON, either bare or as {@code {"pipeline_spec": …}}. Served at {@code pipelines:plan} (KFP's
 * custom-method style) and {@code pipelines/plan}.
 */
@Path("/apis/v2beta1")
@Produces(MediaType.APPLICATION_JSON)
public class PipelinesResource {

    static final String YAML = "application/yaml";

    @Inject
    Planner planner;

    @POST
    @Path("pipelines:plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode planJson(JsonNode body) {
        return plan(irText(body));
    }

    @POST
    @Path("pipelines:plan")
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public ObjectNode planText(String body) {
        return plan(body);
    }

    @POST
    @Path("pipelines/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode planJsonAlias(JsonNode body) {
        return planJson(body);
    }

    @POST
    @Path("pipelines/plan")
    @Consumes({YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    public ObjectNode planTextAlias(String body) {
        return plan(body);
    }

    private ObjectNode plan(String ir) {
        if (ir == null || ir.isBlank()) {
            throw new BadRequest(null, "send the pipeline IR (YAML or JSON) as the request body");
        }
        return PlanJson.tree(planner.plan(ir));
    }

    private static String irText(JsonNode body) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (body.isObject() && body.has("pipeline_spec")) {
            JsonNode spec = body.get("pipeline_spec");
            if (spec.isTextual()) {
                return spec.asText();
            }
            if (spec.isObject()) {
                return spec.toString();
            }
            throw new BadRequest("pipeline_spec", "pipeline_spec must be the IR as a JSON object or as text");
        }
        return body.toString();
    }
}
