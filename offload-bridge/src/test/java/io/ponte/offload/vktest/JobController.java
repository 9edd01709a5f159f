package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The least of Kubernetes' Job controller the suite needs: for each Job, one pod at a time from
 * its template, named {@code <job>-<5 random characters>} and labelled {@code job-name} /
 * {@code controller-uid} as the real controller does; a failed pod is replaced until {@code
 * backoffLimit} (default 6) retries are spent. The real controller's exponential back-off delay
 * (10 s, 20 s, …) between retries is left out to keep runs short.
 */
final class JobController {
    private final ControlPlane cluster;
    private static final io.fabric8.kubernetes.client.utils.KubernetesSerialization JSON =
            new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final java.util.Set<String> countedPods = ConcurrentHashMap.newKeySet();
    private final Map<String, String> currentPod = new ConcurrentHashMap<>();

    JobController(ControlPlane cluster) {
        this.cluster = cluster;
    }

    void sync() {
        for (Job job : cluster.jobs()) {
            String uid = job.getMetadata().getUid();
            String podName = currentPod.get(uid);
            if (podName == null) {
                currentPod.put(uid, createPod(job));
                continue;
            }
            var pod = cluster.pod(job.getMetadata().getNamespace(), podName);
            if (pod.isEmpty() || pod.get().getStatus() == null) {
                continue;
            }
            if ("Failed".equals(pod.get().getStatus().getPhase())
                    && countedPods.add(pod.get().getMetadata().getUid())) {
                int failed = failures.merge(uid, 1, Integer::sum);
                int backoffLimit = job.getSpec().getBackoffLimit() == null
                        ? 6
                        : job.getSpec().getBackoffLimit();
                if (failed <= backoffLimit) {
                    currentPod.put(uid, createPod(job));
                }
            }
        }
    }

    /** Every pod this controller created for jobs, for clean-up. */
    List<Pod> pods() {
        return cluster.pods().stream()
                .filter(p -> p.getMetadata().getLabels() != null
                        && p.getMetadata().getLabels().containsKey("controller-uid"))
                .toList();
    }

    private String createPod(Job job) {
        var template = job.getSpec().getTemplate();
        String name = job.getMetadata().getName() + "-" + ServiceAccountAdmission.suffix(5);
        Map<String, String> labels = new HashMap<>();
        if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
            labels.putAll(template.getMetadata().getLabels());
        }
        labels.put("controller-uid", job.getMetadata().getUid());
        labels.put("batch.kubernetes.io/controller-uid", job.getMetadata().getUid());
        labels.put("job-name", job.getMetadata().getName());
        labels.put("batch.kubernetes.io/job-name", job.getMetadata().getName());
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(job.getMetadata().getNamespace())
                .withLabels(labels)
                .withAnnotations(
                        template.getMetadata() == null
                                ? null
                                : template.getMetadata().getAnnotations())
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion("batch/v1")
                        .withKind("Job")
                        .withName(job.getMetadata().getName())
                        .withUid(job.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .endMetadata()
                .withSpec(JSON.clone(template.getSpec()))
                .build();
        cluster.create(pod, job.getMetadata().getNamespace());
        return name;
    }
}
