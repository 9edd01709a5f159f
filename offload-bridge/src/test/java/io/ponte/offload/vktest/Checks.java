package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Evaluates a validation block once, as upstream's loop body does: every {@code check_pods} entry,
 * then every {@code check_logs} entry, stopping at the first that does not hold. A pod that is not
 * found, a pod that Failed when something else was expected, too many log matches, or a log the
 * API cannot serve end the template at once. One deliberate difference: a pod that ended in the
 * other terminal phase also ends it at once (upstream waits for the timeout, although a pod with
 * {@code restartPolicy: Never} cannot leave a terminal phase).
 */
final class Checks {
    private final ControlPlane cluster;
    private final VirtualKubelet kubelet;
    private final boolean namesArePrefixes;

    /**
     * @param namesArePrefixes read check names as prefixes of generated pod names (the newest
     *     matching pod is used); upstream reads them as exact names
     */
    Checks(ControlPlane cluster, VirtualKubelet kubelet, boolean namesArePrefixes) {
        this.cluster = cluster;
        this.kubelet = kubelet;
        this.namesArePrefixes = namesArePrefixes;
    }

    CheckOutcome evaluate(Validation validation) {
        for (Validation.CheckPod check : validation.checkPods()) {
            CheckOutcome outcome = pod(check);
            if (!(outcome instanceof CheckOutcome.Holds)) {
                return outcome;
            }
        }
        for (Validation.CheckLogs check : validation.checkLogs()) {
            CheckOutcome outcome = logs(check);
            if (!(outcome instanceof CheckOutcome.Holds)) {
                return outcome;
            }
        }
        return CheckOutcome.HOLDS;
    }

    Optional<Pod> find(String namespace, String name) {
        if (!namesArePrefixes) {
            return cluster.pod(namespace, name);
        }
        return cluster.pods().stream()
                .filter(p -> namespace.equals(p.getMetadata().getNamespace())
                        && p.getMetadata().getName().startsWith(name))
                .max(Comparator.comparing(p -> p.getMetadata().getCreationTimestamp()));
    }

    /** Upstream's exact lookup fails at once on a missing pod; a Job's next pod may still come. */
    private CheckOutcome notFound(String namespace, String name, String what) {
        String message = "pod " + namespace + "/" + name + (namesArePrefixes ? "*" : "") + " not found" + what;
        return namesArePrefixes ? new CheckOutcome.NotYet(message) : new CheckOutcome.Never(message);
    }

    private CheckOutcome pod(Validation.CheckPod check) {
        Optional<Pod> found = find(check.namespace(), check.name());
        if (found.isEmpty()) {
            return notFound(check.namespace(), check.name(), "");
        }
        Pod pod = found.get();
        String phase = pod.getStatus() == null ? "Pending" : pod.getStatus().getPhase();
        if (check.status().equals(phase)) {
            return CheckOutcome.HOLDS;
        }
        if (PodPhaseMapper.isTerminal(phase)) {
            return new CheckOutcome.Never("pod " + pod.getMetadata().getName() + " is " + phase + ", expected "
                    + check.status() + ": " + describe(pod) + failedLogTail(pod));
        }
        return new CheckOutcome.NotYet("pod " + pod.getMetadata().getName() + " is " + phase + ", waiting for "
                + check.status() + statusReason(pod));
    }

    private CheckOutcome logs(Validation.CheckLogs check) {
        Optional<Pod> found = find(check.namespace(), check.name());
        if (found.isEmpty()) {
            return notFound(check.namespace(), check.name(), " (logs)");
        }
        Pod pod = found.get();
        List<String> containers =
                pod.getSpec().getContainers().stream().map(Container::getName).toList();
        List<String> all = Stream.concat(
                        pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
                .map(Container::getName)
                .toList();
        String container;
        if (check.container().isPresent()) {
            container = check.container().get();
            if (!all.contains(container)) {
                return new CheckOutcome.Never("container " + container + " is not valid for pod "
                        + pod.getMetadata().getName());
            }
        } else if (containers.size() == 1) {
            container = containers.get(0);
        } else {
            return new CheckOutcome.Never("a container name must be specified for pod "
                    + pod.getMetadata().getName() + ", choose one of: " + all);
        }
        try {
            PluginClient.Answer answer = kubelet.logs(pod, container);
            if (!answer.ok()) {
                return new CheckOutcome.Never("logs of " + pod.getMetadata().getName() + "/" + container
                        + ": GET /getLogs answered HTTP " + answer.status() + ": " + answer.body());
            }
            CheckOutcome outcome = check.operator().evaluate(check.regex(), check.value(), answer.body());
            return switch (outcome) {
                case CheckOutcome.NotYet n ->
                    new CheckOutcome.NotYet(container + ": " + n.reason(), PodPhaseMapper.isTerminal(phaseOf(pod)));
                case CheckOutcome.Never n -> new CheckOutcome.Never(container + ": " + n.reason());
                case CheckOutcome.Holds h -> h;
            };
        } catch (IOException e) {
            return new CheckOutcome.Never("logs of " + pod.getMetadata().getName() + "/" + container + ": " + e);
        }
    }

    String describe(Pod pod) {
        return describe(pod, kubelet.lastRemoteStatus(pod.getMetadata().getUid()));
    }

    private static String phaseOf(Pod pod) {
        return pod.getStatus() == null ? "Pending" : pod.getStatus().getPhase();
    }

    /** A pod's reason, message and container end states (as the plugin reported them), in one line. */
    static String describe(Pod pod, Optional<RemotePodStatus> remote) {
        var status = pod.getStatus();
        StringBuilder s = new StringBuilder();
        if (status.getReason() != null) {
            s.append("reason ").append(status.getReason());
        }
        if (status.getMessage() != null) {
            s.append(s.isEmpty() ? "" : ", ")
                    .append("message \"")
                    .append(oneLine(status.getMessage(), 300))
                    .append('"');
        }
        List<ContainerStatus> statuses = remote.map(
                        r -> Stream.concat(r.initContainers().stream(), r.containers().stream())
                                .toList())
                .orElse(status.getContainerStatuses());
        String containers = statuses.stream()
                .filter(c -> c.getState() != null && c.getState().getTerminated() != null)
                .map(c -> c.getName() + " exit " + c.getState().getTerminated().getExitCode()
                        + (c.getState().getTerminated().getReason() == null
                                ? ""
                                : " " + c.getState().getTerminated().getReason()))
                .collect(Collectors.joining(", "));
        if (!containers.isEmpty()) {
            s.append(s.isEmpty() ? "" : "; ").append(containers);
        }
        return s.toString();
    }

    /** The end of the log of the first container that exited non-zero, for a human to see why. */
    private String failedLogTail(Pod pod) {
        Optional<RemotePodStatus> remote =
                kubelet.lastRemoteStatus(pod.getMetadata().getUid());
        Optional<String> failed =
                remote.flatMap(r -> Stream.concat(r.initContainers().stream(), r.containers().stream())
                        .filter(c -> c.getState() != null
                                && c.getState().getTerminated() != null
                                && c.getState().getTerminated().getExitCode() != null
                                && c.getState().getTerminated().getExitCode() != 0)
                        .map(ContainerStatus::getName)
                        .findFirst());
        if (failed.isEmpty()) {
            return "";
        }
        try {
            PluginClient.Answer log = kubelet.logs(pod, failed.get());
            String text = log.ok() ? log.body().strip() : "";
            if (text.isEmpty()) {
                return "";
            }
            String tail = text.length() > 200 ? "…" + text.substring(text.length() - 200) : text;
            return "; log of " + failed.get() + " ends \"" + oneLine(tail, 220) + "\"";
        } catch (IOException e) {
            return "";
        }
    }

    private static String statusReason(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getReason() == null) {
            return "";
        }
        return " (" + pod.getStatus().getReason() + ")";
    }

    static String oneLine(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
