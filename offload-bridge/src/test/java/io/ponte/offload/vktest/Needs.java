package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a rendered template needs beyond what the bridge is meant to provide, read from the
 * objects themselves: commands that reach the internet (URLs, package installers) that this
 * machine cannot reach, privileged containers and bidirectional mount propagation, and check
 * names that no pod of the template can have. Whether such a need explains a failure is decided by
 * {@link Verdicts}.
 */
final class Needs {
    /** Package installers and the host each one needs. */
    private static final List<Installer> INSTALLERS = List.of(
            new Installer(Pattern.compile("\\bpip3? install\\b|-m pip install\\b"), "pypi.org"),
            new Installer(Pattern.compile("\\bapk add\\b"), "dl-cdn.alpinelinux.org"),
            new Installer(Pattern.compile("\\bapt(-get)? install\\b"), "deb.debian.org"));

    private static final Pattern URL = Pattern.compile("\\bhttps?://([A-Za-z0-9.-]+)");

    private record Installer(Pattern pattern, String host) {}

    /**
     * One need.
     *
     * @param pod the pod (or Job) that has it
     * @param container the container, or empty for pod-level needs
     * @param kind a short name: {@code internet}, {@code privileged}, {@code mount propagation}
     * @param detail what exactly, in words
     */
    record Need(String pod, String container, String kind, String detail) {
        @Override
        public String toString() {
            return detail;
        }
    }

    private Needs() {}

    /** Internet access needs this machine cannot meet. */
    static List<Need> unreachableInternet(List<HasMetadata> objects, NetworkProbe probe) {
        List<Need> out = new ArrayList<>();
        for (HasMetadata o : objects) {
            for (Container c : containers(o)) {
                List<String> words = Stream.concat(c.getCommand().stream(), c.getArgs().stream())
                        .toList();
                // Single-line words form the command line; each script (a multi-line word) follows on its own lines.
                String text = String.join(
                                " ",
                                words.stream().filter(w -> w.indexOf('\n') < 0).toList())
                        + '\n'
                        + String.join(
                                "\n",
                                words.stream().filter(w -> w.indexOf('\n') >= 0).toList());
                for (Host host : hosts(text)) {
                    if (!probe.reachable(host.host())) {
                        out.add(new Need(
                                o.getMetadata().getName(),
                                c.getName(),
                                "internet",
                                "`" + host.snippet() + "` in container " + c.getName() + " needs " + host.host()
                                        + ", which this machine cannot reach"));
                    }
                }
            }
        }
        return out;
    }

    /** Privileged containers and bidirectional mount propagation (FUSE shared between containers). */
    static List<Need> privileges(List<HasMetadata> objects) {
        List<Need> out = new ArrayList<>();
        for (HasMetadata o : objects) {
            for (Container c : containers(o)) {
                if (c.getSecurityContext() != null
                        && Boolean.TRUE.equals(c.getSecurityContext().getPrivileged())) {
                    out.add(new Need(
                            o.getMetadata().getName(),
                            c.getName(),
                            "privileged",
                            "container " + c.getName() + " asks for securityContext.privileged"));
                }
                c.getVolumeMounts().stream()
                        .filter(m -> "Bidirectional".equals(m.getMountPropagation()))
                        .forEach(
                                m -> out.add(
                                        new Need(
                                                o.getMetadata().getName(),
                                                c.getName(),
                                                "mount propagation",
                                                "container " + c.getName() + " mounts " + m.getMountPath()
                                                        + " with mountPropagation: Bidirectional (a FUSE mount shared between containers)")));
            }
        }
        return out;
    }

    /**
     * Check names that are not the name of any Pod in the template but begin with the name of one
     * of its Jobs: the Job controller appends a random suffix, so an exact lookup can never find them.
     */
    static Set<String> unmatchableNames(List<HasMetadata> objects, Validation validation) {
        Set<String> pods = new LinkedHashSet<>();
        Set<String> jobs = new LinkedHashSet<>();
        for (HasMetadata o : objects) {
            if (o instanceof Pod) {
                pods.add(o.getMetadata().getName());
            } else if (o instanceof Job) {
                jobs.add(o.getMetadata().getName());
            }
        }
        Set<String> out = new LinkedHashSet<>();
        Stream.concat(
                        validation.checkPods().stream().map(Validation.CheckPod::name),
                        validation.checkLogs().stream().map(Validation.CheckLogs::name))
                .filter(n -> !pods.contains(n) && jobs.stream().anyMatch(n::startsWith))
                .forEach(out::add);
        return out;
    }

    private record Host(String host, String snippet) {}

    private static List<Host> hosts(String text) {
        List<Host> out = new ArrayList<>();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            out.add(new Host(url.group(1), line(text, url.start())));
        }
        for (Installer installer : INSTALLERS) {
            Matcher m = installer.pattern().matcher(text);
            if (m.find()) {
                out.add(new Host(installer.host(), line(text, m.start())));
            }
        }
        return out;
    }

    private static String line(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end).trim();
        return Checks.oneLine(line, 70);
    }

    static List<Container> containers(HasMetadata o) {
        PodSpec spec = o instanceof Pod p
                ? p.getSpec()
                : o instanceof Job j && j.getSpec().getTemplate() != null
                        ? j.getSpec().getTemplate().getSpec()
                        : null;
        if (spec == null) {
            return List.of();
        }
        return Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream())
                .toList();
    }
}
