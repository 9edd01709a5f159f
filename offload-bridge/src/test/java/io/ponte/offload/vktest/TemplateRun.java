package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * Runs one template against the virtual node: renders it, creates its objects, evaluates its
 * checks every second until they hold, one can never hold, or {@code timeout_seconds × multiplier}
 * passes; then applies its {@code clean_configs} and finally deletes whatever the template left
 * (pods through the plugin's {@code /delete}, so that no job outlives the run), and decides the
 * verdict with {@link Verdicts}.
 */
final class TemplateRun {
    private static final Logger LOG = Logger.getLogger(TemplateRun.class.getName());
    private static final Duration CHECK_PERIOD = Duration.ofSeconds(1);
    /** How long a log check on an ended pod may keep failing before the template fails (logs may lag the status). */
    private static final Duration SETTLE_GRACE = Duration.ofSeconds(5);

    private final ControlPlane cluster;
    private final VirtualKubelet kubelet;
    private final VkTestConfig config;
    private final NetworkProbe probe;

    TemplateRun(ControlPlane cluster, VirtualKubelet kubelet, VkTestConfig config, NetworkProbe probe) {
        this.cluster = cluster;
        this.kubelet = kubelet;
        this.config = config;
        this.probe = probe;
    }

    TemplateResult run(VkTemplate template) {
        Instant start = Instant.now();
        VkTemplate.Rendered rendered;
        try {
            rendered = template.render(config, kubelet.nodeName());
        } catch (IllegalArgumentException e) {
            return result(template, TemplateResult.Result.FAILED, "template does not render: " + e.getMessage(), start);
        }
        Validation validation = rendered.validation();
        Set<String> unmatchable = Needs.unmatchableNames(rendered.objects(), validation);
        List<HasMetadata> created = new ArrayList<>();
        CheckOutcome outcome = CheckOutcome.HOLDS;
        Verdicts.Verdict verdict;
        try {
            String namespace = String.valueOf(config.values().getOrDefault("namespace", "default"));
            for (HasMetadata object : rendered.objects()) {
                String ns = object.getMetadata().getNamespace() == null
                        ? namespace
                        : object.getMetadata().getNamespace();
                cluster.ensureNamespace(ns);
                created.add(cluster.create(object, ns));
            }
            Checks checks = new Checks(cluster, kubelet, !unmatchable.isEmpty());
            outcome = await(checks, validation);
            if (!unmatchable.isEmpty()) {
                verdict = Verdicts.unmatchable(
                        unmatchable,
                        outcome,
                        validation.checkPods().size() + validation.checkLogs().size());
            } else {
                verdict = Verdicts.decide(
                        validation,
                        outcome,
                        evidence(created),
                        Needs.unreachableInternet(rendered.objects(), probe),
                        Needs.privileges(rendered.objects()));
            }
        } catch (RuntimeException e) {
            verdict = new Verdicts.Verdict(TemplateResult.Result.FAILED, "runner error: " + e);
        } finally {
            cleanUp(rendered, created, outcome instanceof CheckOutcome.Holds, !unmatchable.isEmpty());
        }
        return result(template, verdict.result(), verdict.reason().replace(rendered.uuid(), "<uuid>"), start);
    }

    private CheckOutcome await(Checks checks, Validation validation) {
        Duration timeout = Duration.ofMillis((long) (validation.timeoutSeconds() * config.timeoutMultiplier() * 1000));
        Instant deadline = Instant.now().plus(timeout);
        Instant settledSince = null;
        while (true) {
            CheckOutcome last = checks.evaluate(validation);
            if (!(last instanceof CheckOutcome.NotYet notYet)) {
                return last;
            }
            if (!notYet.settled()) {
                settledSince = null;
            } else if (settledSince == null) {
                settledSince = Instant.now();
            } else if (Instant.now().isAfter(settledSince.plus(SETTLE_GRACE))) {
                return new CheckOutcome.Never(notYet.reason() + " (the pod has ended, so its log will not change)");
            }
            if (Instant.now().isAfter(deadline)) {
                return new CheckOutcome.NotYet("after " + timeout.toSeconds() + " s: " + notYet.reason());
            }
            LockSupport.parkNanos(CHECK_PERIOD.toNanos());
        }
    }

    private Map<String, PodEvidence> evidence(List<HasMetadata> created) {
        Map<String, PodEvidence> out = new LinkedHashMap<>();
        for (HasMetadata o : created) {
            if (o instanceof Pod p) {
                cluster.pod(p.getMetadata().getNamespace(), p.getMetadata().getName())
                        .ifPresent(
                                current -> out.put(current.getMetadata().getName(), PodEvidence.of(current, kubelet)));
            }
        }
        return out;
    }

    private void cleanUp(VkTemplate.Rendered rendered, List<HasMetadata> created, boolean succeeded, boolean prefixes) {
        Checks finder = new Checks(cluster, kubelet, prefixes);
        for (Validation.CleanConfig clean : rendered.validation().cleanConfigs()) {
            if (!clean.appliesAfter(succeeded)) {
                continue;
            }
            try {
                if (clean.type().equals("pod")) {
                    finder.find(clean.namespace(), clean.name()).ifPresent(this::deletePod);
                } else {
                    cluster.delete(clean.type(), clean.namespace(), clean.name());
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> rendered.id() + ": clean-up of " + clean + " failed: " + e);
            }
        }
        // What clean_configs left (pods kept "onSuccess", ConfigMaps, Jobs and their pods) goes too,
        // as when the test namespace is deleted: no job may outlive the run.
        Set<String> jobUids = new java.util.HashSet<>();
        for (HasMetadata o : created) {
            if (o instanceof Job) {
                jobUids.add(o.getMetadata().getUid());
            }
            if (!(o instanceof Pod)) {
                quietly(() -> cluster.delete(o));
            }
        }
        for (Pod pod : cluster.pods()) {
            boolean mine = created.stream()
                            .anyMatch(o -> o.getMetadata()
                                    .getUid()
                                    .equals(pod.getMetadata().getUid()))
                    || (pod.getMetadata().getLabels() != null
                            && jobUids.contains(pod.getMetadata().getLabels().get("controller-uid")));
            if (mine) {
                deletePod(pod);
            }
        }
    }

    private void deletePod(Pod pod) {
        kubelet.deleteRemote(pod);
        quietly(() -> cluster.delete(pod));
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.fine(() -> "clean-up: " + e);
        }
    }

    private static TemplateResult result(VkTemplate t, TemplateResult.Result r, String reason, Instant start) {
        return new TemplateResult(t.id(), r, reason, Duration.between(start, Instant.now()));
    }
}
