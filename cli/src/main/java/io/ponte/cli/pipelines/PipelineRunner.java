package io.ponte.cli.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ponte.cli.http.Json;
import io.ponte.cli.http.Service;
import io.ponte.cli.http.ServiceClient;
import java.io.Writer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the CLI asks of the pipeline runner, under {@value #API}. */
public final class PipelineRunner {
    static final String API = "/apis/v2beta1";

    public static final String DEFAULT_URL = "http://127.0.0.1:8083";
    public static final String URL_VARIABLE = "PONTE_PIPELINES_URL";

    /** How {@code ponte} names the runner and finds it: {@code --runner}, {@value #URL_VARIABLE}. */
    public static final Service SERVICE =
            new Service("pipeline runner", "pipeline runner", "--runner", URL_VARIABLE, DEFAULT_URL, Optional.empty());

    /** Planning a big pipeline, or creating its run, may take a while on a loaded machine. */
    static final Duration PLAN_TIMEOUT = Duration.ofMinutes(2);

    private final ServiceClient http;
    private final URI base;

    /**
     * @param http a client of {@link #SERVICE}
     * @param base the same address, for streamed logs
     */
    public PipelineRunner(ServiceClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** The planned DAG of the IR in {@code irText} (YAML or JSON); nothing runs. */
    public ObjectNode plan(String irText) {
        return http.postText(API + "/pipelines:plan", "application/yaml", irText, PLAN_TIMEOUT);
    }

    /** Starts a run; the answer is the run as stored, with its planned tasks. */
    public ObjectNode create(NewRun run) {
        Map<String, Object> body = new LinkedHashMap<>();
        run.displayName().ifPresent(n -> body.put("display_name", n));
        body.put("pipeline_spec", run.irText());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("parameters", run.parameters());
        run.pipelineRoot().ifPresent(r -> config.put("pipeline_root", r));
        body.put("runtime_config", config);
        body.put("enable_caching", run.caching());
        run.executor().ifPresent(e -> body.put("executor", e));
        return http.post(API + "/runs", body, PLAN_TIMEOUT);
    }

    public ObjectNode run(String id) {
        return http.get(API + "/runs/" + PathSegments.encode(id));
    }

    /** One page of runs; filters and paging as query parameters (empty values are left out). */
    public ObjectNode list(Map<String, String> query) {
        return http.get(API + "/runs" + Json.query(query));
    }

    public ObjectNode terminate(String id) {
        return http.post(API + "/runs/" + PathSegments.encode(id) + ":terminate", null);
    }

    public ObjectNode retry(String id) {
        return http.post(API + "/runs/" + PathSegments.encode(id) + ":retry", null);
    }

    /** A new run from {@code fromTask} on, with {@code parameters} changed; the answer is the new run. */
    public ObjectNode rerun(String id, String fromTask, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from_task", fromTask);
        body.put("parameters", parameters);
        return http.post(API + "/runs/" + PathSegments.encode(id) + ":rerun", body, PLAN_TIMEOUT);
    }

    /**
     * Copies an attempt's log (the latest when {@code attempt} is empty) to {@code out} as it arrives;
     * with {@code follow} until the attempt ends.
     */
    public void logs(String id, String taskPath, Optional<Integer> attempt, boolean follow, Writer out) {
        Map<String, String> query = new LinkedHashMap<>();
        attempt.ifPresent(a -> query.put("attempt", a.toString()));
        if (follow) {
            query.put("follow", "true");
        }
        String path = API + "/runs/" + PathSegments.encode(id) + "/tasks/" + PathSegments.encodePath(taskPath) + "/logs"
                + Json.query(query);
        new TextStream(SERVICE, base).copy(path, follow ? Duration.ofDays(1) : Duration.ofMinutes(2), out);
    }

    /**
     * A run to start.
     *
     * @param irText the compiled pipeline, YAML or JSON
     * @param parameters run parameters as JSON values
     */
    public record NewRun(
            String irText,
            Map<String, Object> parameters,
            Optional<String> displayName,
            boolean caching,
            Optional<String> executor,
            Optional<String> pipelineRoot) {}
}
