package io.ponte.pipelines.config;

import io.ponte.pipelines.adapter.kubernetes.KubernetesExecutorConfig;
import io.ponte.pipelines.adapter.local.LocalExecutorConfig;
import io.ponte.pipelines.adapter.offload.OffloadExecutorConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
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
     * ponte.io/placement=<name>} (KFP SDK: {@code kubernetes.add_pod_label}). Each says which
     * executor runs the task and, for kubernetes and offload, on which of that executor's sites;
     * checked at start-up.
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

    /**
     * This runner's id in run claims; default the host name. Runners sharing one database need
     * distinct ids; a runner that restarts under the same id takes its runs back at once.
     */
    Optional<
                    @Pattern(
                            regexp = "[A-Za-z0-9._:-]{1,128}",
                            message = "1 to 128 letters, digits, '.', '_', ':' or '-'")
                    String>
            runnerId();

    /**
     * How long a runner's claim on a run holds unless renewed (it is renewed every third of
     * this). When a runner stops, another takes its runs over after at most this long.
     */
    @WithDefault("30s")
    Duration runLease();

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

        /** The Kueue LocalQueue (kubernetes only; absent: the executor's {@code queue}). */
        Optional<String> queue();

        /** The priority class (kubernetes only; absent: the executor's {@code priority-class}). */
        Optional<String> priorityClass();

        /**
         * The site: for {@code kubernetes} an interLink virtual node defined under {@code
         * ponte.pipelines.executors.kubernetes.placements.<site>}; for {@code offload} an
         * offload-bridge defined under {@code ponte.pipelines.executors.offload.sites.<site>}
         * (absent: its {@code default-site}); not for {@code local}.
         */
        Optional<String> site();
    }

    /** Executor settings. */
    interface Executors {
        /** The local executor (always available). */
        LocalExecutorConfig local();

        /** The Kubernetes executor; available when any of its keys is set. */
        Optional<KubernetesExecutorConfig> kubernetes();

        /** The offload executor (interLink plugins reached directly); available when any of its keys is set. */
        Optional<OffloadExecutorConfig> offload();
    }
}
