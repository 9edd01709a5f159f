package io.ponte.pipelines.adapter.offload;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the offload executor, under {@code ponte.pipelines.executors.offload}: the
 * interLink plugins (offload-bridges) it talks to, by site name.
 *
 * <pre>
 * ponte.pipelines.executors.offload.default-site=leonardo
 * ponte.pipelines.executors.offload.sites.leonardo.url=http://127.0.0.1:4000
 * ponte.pipelines.executors.offload.sites.leonardo.token=${LEONARDO_BRIDGE_TOKEN}
 * ponte.pipelines.executors.offload.sites.leonardo.shared-root=/leonardo_work/ponte
 * ponte.pipelines.executors.offload.sites.leonardo.slurm-flags=--partition=boost_usr_prod
 * </pre>
 */
public interface OffloadExecutorConfig {

    /** The site for tasks whose placement names none. */
    @WithDefault("default")
    String defaultSite();

    /** The sites, by name. */
    Map<String, Site> sites();

    /** The namespace written into the pods (the plugin keeps pods apart by namespace and UID). */
    @WithDefault("ponte-pipelines")
    String namespace();

    /** How often a pod's status is asked for. */
    @WithDefault("2s")
    Duration pollInterval();

    /** The deadline of every call to a plugin. */
    @WithDefault("30s")
    Duration callTimeout();

    /** Whether a finished pod is deleted on the plugin once its log is copied (frees its files there). */
    @WithDefault("true")
    boolean deleteFinished();

    /** One interLink plugin endpoint. */
    interface Site {

        /** The plugin's base URL, e.g. {@code http://127.0.0.1:4000}. */
        String url();

        /** Bearer token the plugin requires, if any. Never logged. */
        Optional<String> token();

        /**
         * The directory the runner and the site's compute nodes share (an HPC parallel filesystem
         * mounted on the edge node where the runner runs). Work directories must lie under it:
         * they reach the pod as {@code hostPath} volumes at the same path.
         */
        @WithDefault("/")
        String sharedRoot();

        /** Raw {@code #SBATCH} flags sent as the {@code slurm-job.vk.io/flags} annotation. */
        Optional<String> slurmFlags();

        /** Further pod annotations (e.g. {@code slurm-job.vk.io/flavor}). */
        Map<String, String> annotations();
    }
}
