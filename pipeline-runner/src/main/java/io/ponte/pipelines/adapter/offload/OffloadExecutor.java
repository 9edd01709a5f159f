package io.ponte.pipelines.adapter.offload;

import io.fabric8.kubernetes.api.model.Pod;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends each attempt as a v1.Pod straight to an interLink plugin (an offload-bridge on an HPC edge
 * node), for sites without a Kubernetes cluster in front: {@code /create}, then {@code /status}
 * until the container terminates, {@code /getLogs} into the attempt's log, {@code /delete}.
 *
 * <p>Files: the runner runs where the site's shared filesystem is mounted (the edge node), work
 * directories lie under the site's {@code shared-root}, and the pod gets them as {@code hostPath}
 * volumes at the same path; the plugin must allow hostPath volumes under that root. The reference
 * is {@code SITE/NAMESPACE/POD/UID}.
 */
public final class OffloadExecutor implements TaskExecutor, AutoCloseable {
    private final OffloadExecutorConfig config;
    private final Map<String, PluginClient> plugins = new LinkedHashMap<>();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "offload-executor");
        t.setDaemon(true);
        return t;
    });

    public OffloadExecutor(OffloadExecutorConfig config) {
        this.config = config;
        config.sites().forEach((name, site) -> plugins.put(name, new PluginClient(name, site, config.callTimeout())));
    }

    @Override
    public String name() {
        return "offload";
    }

    @Override
    public TaskHandle start(TaskLaunch launch) throws ExecutorException {
        String site = launch.placement().flatMap(TaskLaunch.Placement::site).orElse(config.defaultSite());
        PluginClient plugin = plugin(site, launch);
        Pod pod = PodManifest.build(
                launch,
                config.namespace(),
                UUID.randomUUID().toString(),
                site,
                config.sites().get(site));
        try {
            Files.createDirectories(launch.logFile().toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ExecutorException("cannot create the log directory of " + launch.taskPath() + ": " + e, false, e);
        }
        Instant since = Instant.now();
        Optional<String> job = plugin.create(pod);
        String submitted = "submitted to " + site + job.map(j -> " as job " + j).orElse("");
        return new PodHandle(plugin, pod, launch, config.deleteFinished(), submitted)
                .follow(timers, config.pollInterval(), launch.timeout(), since);
    }

    @Override
    public Optional<TaskHandle> reattach(TaskLaunch launch, String ref) throws ExecutorException {
        String[] parts = ref.split("/");
        if (parts.length != 4 || !plugins.containsKey(parts[0])) {
            return Optional.empty();
        }
        PluginClient plugin = plugins.get(parts[0]);
        Pod pod = PodManifest.build(
                launch, parts[1], parts[3], parts[0], config.sites().get(parts[0]));
        pod.getMetadata().setName(parts[2]);
        if (plugin.status(pod).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PodHandle(plugin, pod, launch, config.deleteFinished(), "re-attached on " + parts[0])
                .follow(timers, config.pollInterval(), launch.timeout(), Instant.now()));
    }

    static String ref(String site, Pod pod) {
        return site + "/" + pod.getMetadata().getNamespace() + "/"
                + pod.getMetadata().getName() + "/" + pod.getMetadata().getUid();
    }

    private PluginClient plugin(String site, TaskLaunch launch) throws ExecutorException {
        PluginClient plugin = plugins.get(site);
        if (plugin == null) {
            throw new ExecutorException(
                    "task " + launch.taskPath() + ": offload site '" + site + "' is not configured under"
                            + " ponte.pipelines.executors.offload.sites (known: "
                            + String.join(", ", plugins.keySet()) + ")",
                    false);
        }
        return plugin;
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
