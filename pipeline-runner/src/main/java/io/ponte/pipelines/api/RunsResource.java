package io.ponte.pipelines.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.pipelines.core.PipelineException;
import io.ponte.pipelines.core.Runs;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.TaskRecord;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * Runs, modelled on KFP v2beta1: create from IR and parameters, get (with every task's state,
 * attempts and status detail), list with filters and paging, terminate, retry, rerun from a task,
 * and each attempt's log (streamed while it runs).
 */
@Path("/apis/v2beta1")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    @Inject
    Runs runs;

    @POST
    @Path("runs")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectNode create(JsonNode body) {
        RunRecord run = runs.create(CreateRunRequest.read(body));
        return RunJson.full(run, runs.tasks(run.id()));
    }

    @GET
    @Path("runs/{id}")
    public ObjectNode get(@PathParam("id") String id) {
        RunRecord run = runs.get(id).orElseThrow(() -> noRun(id));
        return RunJson.full(run, runs.tasks(id));
    }

    @GET
    @Path("runs")
    public ObjectNode list(
            @QueryParam("state") String state,
            @QueryParam("pipeline_name") String pipelineName,
            @QueryParam("name") String name,
            @QueryParam("created_after") String createdAfter,
            @QueryParam("page_size") String pageSize,
            @QueryParam("page_token") String pageToken) {
        return RunJson.page(runs.list(ListParams.query(state, pipelineName, name, createdAfter, pageSize, pageToken)));
    }

    /**
     * KFP's custom methods: {@code runs/{id}:terminate}, {@code runs/{id}:retry} and {@code
     * runs/{id}:rerun} with {@code {"from_task": "root/train", "parameters": {"lr": 0.1}}}, which
     * answers the new run. One method, because a path segment cannot hold a template and a literal.
     */
    @POST
    @Path("runs/{target}")
    public ObjectNode action(@PathParam("target") String target, String body) throws JsonProcessingException {
        int colon = target.lastIndexOf(':');
        String id = colon < 0 ? target : target.substring(0, colon);
        String verb = colon < 0 ? "" : target.substring(colon + 1);
        RunRecord run = switch (verb) {
            case "terminate" -> runs.terminate(id);
            case "retry" -> runs.retry(id);
            case "rerun" -> rerun(id, body == null || body.isBlank() ? null : RunJson.JSON.readTree(body));
            default ->
                throw new PipelineException(
                        PipelineException.Kind.NOT_FOUND,
                        null,
                        "no such method " + (verb.isEmpty() ? "(none)" : verb)
                                + "; use runs/{id}:terminate, :retry or :rerun");
        };
        return RunJson.full(run, runs.tasks(run.id()));
    }

    private RunRecord rerun(String id, JsonNode body) {
        Fields.requireObject(body, "the request body");
        String fromTask = Fields.requiredText(body, "from_task");
        Map<String, Object> changes = Fields.values(body, "parameters", "parameters");
        return runs.rerunFrom(id, fromTask, changes);
    }

    /**
     * {@code tasks/<task path>} answers the task with its attempts; {@code tasks/<task
     * path>/logs?attempt=&follow=} streams an attempt's log as text. Task paths hold slashes
     * ({@code root/for-loop-2[0]/train}), so the rest of the URL is matched against the run's tasks.
     */
    @GET
    @Path("runs/{id}/tasks/{rest: .+}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response task(
            @PathParam("id") String id,
            @PathParam("rest") String rest,
            @QueryParam("attempt") String attempt,
            @QueryParam("follow") String follow) {
        runs.get(id).orElseThrow(() -> noRun(id));
        Optional<TaskRecord> task = find(id, rest);
        if (task.isPresent()) {
            return Response.ok(TaskJson.withAttempts(task.get(), runs.attempts(id, rest)), MediaType.APPLICATION_JSON)
                    .build();
        }
        if (rest.endsWith("/logs")) {
            String path = rest.substring(0, rest.length() - "/logs".length());
            if (find(id, path).isPresent()) {
                return TaskLogs.stream(runs, id, path, ListParams.attempt(attempt), ListParams.flag("follow", follow));
            }
        }
        throw new PipelineException(PipelineException.Kind.NOT_FOUND, null, "run " + id + " has no task " + rest);
    }

    private Optional<TaskRecord> find(String runId, String path) {
        return runs.tasks(runId).stream().filter(t -> t.taskPath().equals(path)).findFirst();
    }

    static PipelineException noRun(String id) {
        return new PipelineException(PipelineException.Kind.NOT_FOUND, null, "no run " + id);
    }
}
