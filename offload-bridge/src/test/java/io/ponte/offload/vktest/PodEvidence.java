package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What was seen of one pod when its checks ended: the pod as the API server has it, the plugin's
 * last status answer (whose container reasons the VK overwrites), and a way to read its logs.
 */
record PodEvidence(Pod pod, Optional<RemotePodStatus> remote, java.util.function.BiFunction<Pod, String, String> logs) {

    /** The evidence of a pod run by {@code kubelet}, its logs read through {@code /getLogs}. */
    static PodEvidence of(Pod pod, VirtualKubelet kubelet) {
        return new PodEvidence(pod, kubelet.lastRemoteStatus(pod.getMetadata().getUid()), (p, c) -> {
            try {
                PluginClient.Answer a = kubelet.logs(p, c);
                return a.ok() ? a.body() : "";
            } catch (java.io.IOException e) {
                return "";
            }
        });
    }

    String name() {
        return pod.getMetadata().getName();
    }

    String phase() {
        return pod.getStatus() == null ? "Pending" : pod.getStatus().getPhase();
    }

    boolean providerFailed() {
        return pod.getStatus() != null
                && "ProviderFailed".equals(pod.getStatus().getReason());
    }

    /** Every message the pod carries: the VK's, and the plugin's per-container reasons and messages. */
    String messages() {
        StringBuilder s = new StringBuilder();
        if (pod.getStatus() != null && pod.getStatus().getMessage() != null) {
            s.append(pod.getStatus().getMessage()).append('\n');
        }
        remote.ifPresent(r -> Stream.concat(r.initContainers().stream(), r.containers().stream())
                .map(ContainerStatus::getState)
                .filter(st -> st != null)
                .forEach(st -> {
                    if (st.getTerminated() != null) {
                        s.append(st.getTerminated().getReason())
                                .append(' ')
                                .append(st.getTerminated().getMessage())
                                .append('\n');
                    }
                    if (st.getWaiting() != null) {
                        s.append(st.getWaiting().getReason())
                                .append(' ')
                                .append(st.getWaiting().getMessage())
                                .append('\n');
                    }
                }));
        return s.toString();
    }

    /** The plugin's own end state of a container, if it ended. */
    Optional<io.fabric8.kubernetes.api.model.ContainerStateTerminated> terminated(String container) {
        return remote.flatMap(r -> Stream.concat(r.initContainers().stream(), r.containers().stream())
                .filter(c -> c.getName().equals(container)
                        && c.getState() != null
                        && c.getState().getTerminated() != null)
                .map(c -> c.getState().getTerminated())
                .findFirst());
    }

    /**
     * Whether the container itself failed: the pod was refused at create, or the container ran and
     * exited non-zero. Init containers run in order and fail fast, so only the first failed one
     * counts (those after it never ran); containers do not run after a failed init container.
     */
    boolean containerFailed(String container) {
        if (providerFailed()) {
            return true;
        }
        Optional<String> firstFailedInit = pod.getSpec().getInitContainers().stream()
                .map(io.fabric8.kubernetes.api.model.Container::getName)
                .filter(this::exitedNonZero)
                .findFirst();
        boolean isInit = pod.getSpec().getInitContainers().stream()
                .anyMatch(c -> c.getName().equals(container));
        if (isInit) {
            return firstFailedInit.map(container::equals).orElse(false);
        }
        return firstFailedInit.isEmpty() && exitedNonZero(container);
    }

    private boolean exitedNonZero(String container) {
        return terminated(container)
                .map(t -> t.getExitCode() != null && t.getExitCode() != 0)
                .orElse(false);
    }

    Optional<Quantity> memoryLimit(Container c) {
        return Optional.ofNullable(c.getResources()).map(r -> r.getLimits()).map(l -> l.get("memory"));
    }

    String log(String container) {
        return logs.apply(pod, container);
    }
}
