package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * How interLink's virtual kubelet folds one plugin status answer into the pod's status (its
 * {@code checkPodsStatus}): init containers first (any waiting or running keeps the pod Pending
 * and the containers waiting); then the containers: when every container the plugin listed is
 * terminated the pod is Succeeded if all exit codes (init containers included) are 0, else Failed
 * with reason {@code Error: <code>}; otherwise any running container makes it Running. An empty
 * container list therefore counts as Succeeded, and a pod whose containers stay waiting stays
 * Pending. Container statuses are matched by name.
 */
final class PodPhaseMapper {
    static final String PENDING = "Pending";
    static final String RUNNING = "Running";
    static final String SUCCEEDED = "Succeeded";
    static final String FAILED = "Failed";

    private PodPhaseMapper() {}

    static boolean isTerminal(String phase) {
        return SUCCEEDED.equals(phase) || FAILED.equals(phase);
    }

    /** Applies {@code remote} to {@code status} in place. */
    static void apply(PodStatus status, RemotePodStatus remote) {
        int nInit = remote.initContainers().size();
        int initTerminated = 0;
        boolean initErrored = false;
        boolean initWaiting = false;
        boolean initRunning = false;
        String initReason = "";
        for (ContainerStatus cs : remote.initContainers()) {
            ContainerStatus mine = upsert(status.getInitContainerStatuses(), cs, status, true);
            var state = cs.getState();
            if (state != null && state.getTerminated() != null) {
                initTerminated++;
                int code = exitCode(cs);
                mine.getState().getTerminated().setReason("Completed");
                if (code != 0) {
                    initErrored = true;
                    initReason = "Error: " + code;
                    mine.getState().getTerminated().setReason(initReason);
                }
            } else if (state != null && state.getWaiting() != null) {
                initWaiting = true;
            } else if (state != null && state.getRunning() != null) {
                initRunning = true;
            }
        }
        if (initTerminated == nInit) {
            initWaiting = false;
        }

        int terminated = 0;
        boolean errored = false;
        boolean running = false;
        String reason = "";
        for (ContainerStatus cs : remote.containers()) {
            ContainerStatus mine = upsert(status.getContainerStatuses(), cs, status, false);
            var state = cs.getState();
            if (initWaiting || initRunning) {
                String waitReason = initRunning ? "Init:" + initTerminated + "/" + nInit : "PodInitializing";
                mine.setState(new ContainerStateBuilder()
                        .withNewWaiting()
                        .withReason(waitReason)
                        .endWaiting()
                        .build());
                mine.setReady(false);
            } else if (state != null && state.getTerminated() != null) {
                terminated++;
                int code = exitCode(cs);
                mine.getState().getTerminated().setReason("Completed");
                if (code != 0) {
                    errored = true;
                    reason = "Error: " + code;
                    mine.getState().getTerminated().setReason(reason);
                }
            } else if (state != null && state.getRunning() != null) {
                running = true;
                mine.setReady(true);
            }
        }

        if (terminated == remote.containers().size()) {
            if (errored || initErrored) {
                String why = errored ? reason : initReason;
                status.setPhase(FAILED);
                status.setReason(why);
                status.getContainerStatuses().forEach(c -> {
                    if (c.getState() != null && c.getState().getTerminated() != null) {
                        c.getState().getTerminated().setReason(why);
                    }
                });
            } else {
                status.setPhase(SUCCEEDED);
                status.setReason("Completed");
                status.setConditions(List.of(condition("False")));
            }
        } else {
            if (initRunning) {
                status.setPhase(PENDING);
                status.setReason("Init");
            }
            if (initWaiting) {
                status.setPhase(PENDING);
                status.setReason("Waiting for init containers");
            }
            if (running && !RUNNING.equals(status.getPhase())) {
                status.setPhase(RUNNING);
                status.setReason("Running");
                status.setConditions(new ArrayList<>(List.of(condition("True"))));
            }
        }
    }

    private static ContainerStatus upsert(
            List<ContainerStatus> current, ContainerStatus remote, PodStatus status, boolean init) {
        ContainerStatus copy = new io.fabric8.kubernetes.api.model.ContainerStatusBuilder(remote).build();
        if (copy.getState() == null) {
            copy.setState(new ContainerStateBuilder().build());
        }
        List<ContainerStatus> list = new ArrayList<>(current);
        int index = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).getName().equals(remote.getName())) {
                index = i;
            }
        }
        if (index < 0) {
            list.add(copy);
        } else {
            list.set(index, copy);
        }
        if (init) {
            status.setInitContainerStatuses(list);
        } else {
            status.setContainerStatuses(list);
        }
        return copy;
    }

    private static int exitCode(ContainerStatus cs) {
        Integer code = cs.getState().getTerminated().getExitCode();
        return code == null ? 0 : code;
    }

    private static PodCondition condition(String value) {
        return new PodConditionBuilder().withType("Ready").withStatus(value).build();
    }
}
