package io.ponte.pipelines.adapter.kubernetes;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ponte.pipelines.spi.ExecutorException;
import io.ponte.pipelines.spi.TaskExecutor;
import io.ponte.pipelines.spi.TaskHandle;
import io.ponte.pipelines.spi.TaskLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs each attempt as one batch/v1 Job, created suspended with the {@code
 * kueue.x-k8s.io/queue-name} label so that Kueue admits it against the queue's quota. The task
 * status shows the Kueue Workload's admission state and queue position while it waits.
 *
 * <p>Files: the runner and the pods share a ReadWriteMany PersistentVolumeClaim ({@link
 * KubernetesExecutorConfig.WorkVolume}); the attempt's work directory is mounted at the same path
 * in the pod (a {@code subPath} of the claim), so staged inputs and written outputs need no copy.
 * The pod's log is copied into the attempt's log file when the Job ends or is cancelled. The
 * reference is {@code NAMESPACE/JOB}.
 */
public final class KubernetesExecutor implements TaskExecutor, AutoCloseable {
    private final KubernetesClient client;
    private final KubernetesExecutorConfig config;
    private final JobManifest manifests;
    private final KueueStatus kueue;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "kubernetes-executor");
        t.setDaemon(true);
        return t;
    });

    public KubernetesExecutor(KubernetesClient client, KubernetesExecutorConfig config) {
        this.client = client;
        this.config = config;
        this.manifests = new JobManifest(config);
        this.kueue = new KueueStatus(client);
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    /** The Job an attempt would be, without creating it (for {@code plan} output and tests). */
    public Job manifest(TaskLaunch launch) throws ExecutorException {
        return manifests.build(launch);
    }

    @Override
    public TaskHandle start(TaskLaunch launch) throws ExecutorException {
        Job job = manifests.build(launch);
        String ns = job.getMetadata().getNamespace();
        String name = job.getMetadata().getName();
        try {
            Files.createDirectories(launch.logFile().toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new ExecutorException("cannot create the log directory of " + launch.taskPath() + ": " + e, false, e);
        }
        try {
            client.batch().v1().jobs().inNamespace(ns).resource(job).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                int code = e.getCode();
                boolean retriable = code == 0 || code == 429 || code >= 500;
                throw new ExecutorException(
                        "could not create Job " + name + " in namespace " + ns + ": " + e.getMessage(), retriable, e);
            }
            // Already there: the runner died between creating it and recording the reference; adopt it.
        }
        return new JobHandle(client, ns, name, launch, kueue).follow(timers, config.pollInterval());
    }

    @Override
    public Optional<TaskHandle> reattach(TaskLaunch launch, String ref) throws ExecutorException {
        int slash = ref.indexOf('/');
        if (slash <= 0 || slash == ref.length() - 1) {
            return Optional.empty();
        }
        String ns = ref.substring(0, slash);
        String name = ref.substring(slash + 1);
        try {
            if (client.batch().v1().jobs().inNamespace(ns).withName(name).get() == null) {
                return Optional.empty();
            }
        } catch (KubernetesClientException e) {
            throw new ExecutorException("could not read Job " + ref + ": " + e.getMessage(), true, e);
        }
        return Optional.of(new JobHandle(client, ns, name, launch, kueue).follow(timers, config.pollInterval()));
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
