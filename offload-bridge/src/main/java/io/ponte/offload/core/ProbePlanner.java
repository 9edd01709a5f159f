package io.ponte.offload.core;

import static io.ponte.offload.core.EnvResolver.nullSafe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A container's probes, with Kubernetes' defaults filled in and named ports resolved. */
final class ProbePlanner {
    private final Container container;
    private final Function<List<String>, String> execLine;

    ProbePlanner(Container container, Function<List<String>, String> execLine) {
        this.container = container;
        this.execLine = execLine;
    }

    List<ProbePlan> probes() {
        List<ProbePlan> out = new ArrayList<>();
        add(out, ProbePlan.Kind.STARTUP, container.getStartupProbe());
        add(out, ProbePlan.Kind.LIVENESS, container.getLivenessProbe());
        add(out, ProbePlan.Kind.READINESS, container.getReadinessProbe());
        return out;
    }

    private void add(List<ProbePlan> out, ProbePlan.Kind kind, Probe p) {
        if (p == null) {
            return;
        }
        Optional<String> path = Optional.empty();
        Optional<String> exec = Optional.empty();
        int port = 0;
        String host = "127.0.0.1";
        if (p.getHttpGet() != null) {
            path = Optional.ofNullable(p.getHttpGet().getPath())
                    .filter(s -> !s.isEmpty())
                    .or(() -> Optional.of("/"));
            port = port(p.getHttpGet().getPort(), kind);
            if (p.getHttpGet().getHost() != null && !p.getHttpGet().getHost().isBlank()) {
                host = p.getHttpGet().getHost();
            }
        } else if (p.getTcpSocket() != null) {
            port = port(p.getTcpSocket().getPort(), kind);
        } else if (p.getExec() != null && !nullSafe(p.getExec().getCommand()).isEmpty()) {
            exec = Optional.of(execLine.apply(p.getExec().getCommand()));
        } else {
            return; // gRPC and empty probes are not run here
        }
        out.add(new ProbePlan(
                kind,
                path,
                port,
                host,
                exec,
                orDefault(p.getInitialDelaySeconds(), 0),
                Math.max(1, orDefault(p.getPeriodSeconds(), 10)),
                Math.max(1, orDefault(p.getTimeoutSeconds(), 1)),
                Math.max(1, orDefault(p.getFailureThreshold(), 3)),
                Math.max(1, orDefault(p.getSuccessThreshold(), 1))));
    }

    private int port(IntOrString port, ProbePlan.Kind kind) {
        if (port == null) {
            throw new PodRejectedException(
                    "container " + container.getName() + ": " + kind.name().toLowerCase() + " probe has no port");
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        String name = port.getStrVal();
        for (ContainerPort p : nullSafe(container.getPorts())) {
            if (name.equals(p.getName())) {
                return p.getContainerPort();
            }
        }
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            throw new PodRejectedException(
                    "container " + container.getName() + ": " + kind.name().toLowerCase() + " probe names port '" + name
                            + "', which the container does not declare");
        }
    }

    private static int orDefault(Integer v, int d) {
        return v == null ? d : v;
    }
}
