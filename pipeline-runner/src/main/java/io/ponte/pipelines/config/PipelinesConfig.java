package io.ponte.pipelines.config;

import io.ponte.pipelines.adapter.kubernetes.KubernetesExecutorConfig;
import io.ponte.pipelines.adapter.local.LocalExecutorConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code ponte.pipelines.*} setting of the engine. The stores have their own groups ({@code
 * ponte.pipelines.database.*}, {@code ponte.pipelines.s3.*}).
 */
@ConfigMapping(prefix = "ponte.pipelines")
public interface PipelinesConfig {

    /** Where attempts are staged on this host; default {@code <java.io.tmpdir>/ponte-pipelines}. */
    Optional<Path> workDir();

    /** Where artifacts and logs of runs go unless a run or its IR names another s3:// root. */
    @WithDefault("s3://ponte-pipelines/runs")
    @Pattern(regexp = "s3://[^/]+(/.*)?", message = "must be an s3://bucket[/prefix] URI")
    String pipelineRoot();

    /** Caching for every run. */
    Caching caching();

    /** The executor of tasks that ask for no placement: {@code local}, {@code kubernetes} or {@code offload}. */
    @WithDefault("local")
    String defaultExecutor();

    /**
     * Named placements a task asks for with the pod label or node selector {@code
     * ponte.io/placement=<name>} (KFP SDK: {@code kubernetes.add_pod_label}).
     */
    Map<String, Placement> placements();

    /** At most this many attempts of one run at once (ParallelFor limits apply within). */
    @WithDefault("64")
    @Min(1)
    @Max(100000)
    int maxRunningTasksPerRun();

    /** Threads that stage inputs, start attempts and store outputs. */
    @WithDefault("8")
    @Min(1)
    @Max(512)
    int workerThreads();

    /** Keep each attempt's staging directory after its outputs are stored (for debugging). */
    @WithDefault("false")
    boolean keepWorkDirs();

    /** Resume unfinished runs at start-up, re-attaching to attempts still running. */
    @WithDefault("true")
    boolean resumeOnStart();

    /** The executors' own settings. */
    Executors executors();

    /** Caching switches. */
    interface Caching {
        /** False turns caching off for every run, whatever the IR and the run say. */
        @WithDefault("true")
        boolean enabled();
    }

    /** A named placement. */
    interface Placement {
        /** The executor that runs tasks placed here. */
        String executor();

        /** The Kueue LocalQueue (kubernetes). */
        Optional<String> queue();

        /** The priority class (kubernetes). */
        Optional<String> priorityClass();

        /** The offload site or interLink virtual node. */
        Optional<String> site();
    }

    /** Executor settings. */
    interface Executors {
        /** The local executor (always available). */
        LocalExecutorConfig local();

        /** The Kubernetes executor; available when any of its keys is set. */
        Optional<KubernetesExecutorConfig> kubernetes();
    }
}
