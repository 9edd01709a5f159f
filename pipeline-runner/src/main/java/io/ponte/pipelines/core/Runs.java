package io.ponte.pipelines.core;

import io.ponte.pipelines.spi.AttemptRecord;
import io.ponte.pipelines.spi.Page;
import io.ponte.pipelines.spi.RunQuery;
import io.ponte.pipelines.spi.RunRecord;
import io.ponte.pipelines.spi.TaskRecord;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the REST API and the CLI can do with runs. The engine implements it.
 *
 * <p>Errors are {@link PipelineException}s whose kind maps to an HTTP status and whose IR path
 * names the part of the pipeline at fault.
 */
public interface Runs {

    /**
     * Validates the pipeline and the parameters, stores the run and starts it. Nothing is stored
     * or started when validation fails.
     */
    RunRecord create(CreateRun request);

    Optional<RunRecord> get(String runId);

    Page<RunRecord> list(RunQuery query);

    /** Every task of a run, in creation order (for small runs; see {@link #taskPage}). */
    List<TaskRecord> tasks(String runId);

    /** One page of a run's tasks in creation order; a token this service did not issue is refused. */
    Page<TaskRecord> taskPage(String runId, int pageSize, Optional<String> pageToken);

    /** One task of a run by its path (e.g. {@code root/for-loop-2[3]/train}). */
    Optional<TaskRecord> task(String runId, String taskPath);

    List<AttemptRecord> attempts(String runId, String taskPath);

    /** Stops the run's running tasks, then runs its exit handlers; the run ends CANCELED. */
    RunRecord terminate(String runId);

    /** Runs again only the tasks that failed, were cancelled or never ran; the rest are kept. */
    RunRecord retry(String runId);

    /**
     * A new run of the same pipeline that keeps the outputs of every task not downstream of
     * {@code taskPath}, and runs {@code taskPath} and everything after it, with the given
     * parameter changes.
     */
    RunRecord rerunFrom(String runId, String taskPath, Map<String, Object> parameterChanges);

    /**
     * The log of one attempt (the latest when {@code attempt} is empty); with {@code follow} the
     * stream stays open until the attempt ends.
     */
    InputStream logs(String runId, String taskPath, Optional<Integer> attempt, boolean follow);

    /**
     * A request to start a run.
     *
     * @param displayName a name for humans (defaults to the pipeline name)
     * @param pipelineSpec the compiled IR, YAML or JSON
     * @param parameters input parameter values
     * @param pipelineRoot overrides the configured pipeline root
     * @param cachingEnabled false to opt the whole run out of caching
     * @param executor overrides the default executor for tasks that name none
     */
    record CreateRun(
            Optional<String> displayName,
            String pipelineSpec,
            Map<String, Object> parameters,
            Optional<String> pipelineRoot,
            boolean cachingEnabled,
            Optional<String> executor) {}
}
