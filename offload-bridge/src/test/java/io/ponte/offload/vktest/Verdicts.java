package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns the outcome of a template's checks into passed / failed / not applicable, from what was
 * observed rather than from a list of template names:
 *
 * <ul>
 *   <li>checks naming pods no pod can have (Job-generated names) → not applicable, saying whether
 *       the checks hold when the names are read as prefixes;
 *   <li>checks failed and a failed container needed something this machine or the plugin lacks
 *       (an unreachable internet host, an image the plugin refused, privileges) → not applicable,
 *       naming the need and what was seen;
 *   <li>checks held, but a pod expected to fail needed something missing → passed only when the
 *       failure shows the pod's memory limit at work (OOMKilled, exit 137, a MemoryError), since
 *       otherwise the missing thing may be what made it fail; else not applicable;
 *   <li>anything else that failed → failed.
 * </ul>
 */
final class Verdicts {
    private static final Pattern MEMORY_FAILURE =
            Pattern.compile("MemoryError|Cannot allocate memory|Unable to allocate|OOMKilled|Out of memory");

    private Verdicts() {}

    record Verdict(TemplateResult.Result result, String reason) {}

    static Verdict unmatchable(Set<String> names, CheckOutcome prefixOutcome, int checks) {
        String how = prefixOutcome instanceof CheckOutcome.Holds
                ? "read as name prefixes, all " + checks + " checks hold"
                : "read as name prefixes, the checks do not hold: " + reason(prefixOutcome);
        return new Verdict(
                TemplateResult.Result.NOT_APPLICABLE,
                "its checks name pods " + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                        + " that no pod can have: the Job controller names a Job's pods <job>-<random suffix> and "
                        + "vk-test-set looks pods up by exact name; " + how);
    }

    static Verdict decide(
            Validation validation,
            CheckOutcome outcome,
            Map<String, PodEvidence> pods,
            List<Needs.Need> internet,
            List<Needs.Need> privileges) {
        List<String> explaining = new ArrayList<>();
        for (PodEvidence pod : pods.values()) {
            imageRefused(pod).ifPresent(explaining::add);
        }
        for (Needs.Need need : internet) {
            PodEvidence pod = pods.get(need.pod());
            if (pod != null && pod.containerFailed(need.container())) {
                explaining.add(need.detail());
            }
        }
        if (outcome instanceof CheckOutcome.Holds) {
            return passed(validation, pods, explaining, internet);
        }
        privilegesOfStoppedPods(privileges, pods).ifPresent(explaining::add);
        if (explaining.isEmpty()) {
            return new Verdict(TemplateResult.Result.FAILED, reason(outcome));
        }
        return new Verdict(
                TemplateResult.Result.NOT_APPLICABLE,
                "needs what this machine lacks: " + String.join("; ", distinct(explaining)) + ". Observed: "
                        + reason(outcome));
    }

    private static Verdict passed(
            Validation validation, Map<String, PodEvidence> pods, List<String> explaining, List<Needs.Need> internet) {
        List<String> notes = new ArrayList<>();
        for (Validation.CheckPod check : validation.checkPods()) {
            PodEvidence pod = pods.get(check.name());
            if (!"Failed".equals(check.status()) || pod == null) {
                continue;
            }
            List<String> podNeeds = internet.stream()
                    .filter(n -> n.pod().equals(pod.name()) && pod.containerFailed(n.container()))
                    .map(Needs.Need::detail)
                    .collect(Collectors.toList());
            imageRefused(pod).ifPresent(podNeeds::add);
            if (podNeeds.isEmpty()) {
                continue;
            }
            Optional<String> memory = memoryShown(pod);
            if (memory.isPresent()) {
                notes.add(memory.get() + " although " + String.join("; ", podNeeds));
            } else {
                return new Verdict(
                        TemplateResult.Result.NOT_APPLICABLE,
                        "needs what this machine lacks: " + String.join("; ", distinct(podNeeds)) + ". Pod "
                                + pod.name()
                                + " did fail as expected, but not from " + subject(pod)
                                + ", so the check proves nothing here: " + Checks.describe(pod.pod(), pod.remote()));
            }
        }
        List<String> unused = internet.stream()
                .map(Needs.Need::detail)
                .filter(d -> !explaining.contains(d))
                .toList();
        if (!unused.isEmpty()) {
            notes.add("the checks did not depend on: " + String.join("; ", distinct(unused)));
        }
        return new Verdict(TemplateResult.Result.PASSED, String.join("; ", notes));
    }

    /** One phrase for the privileges asked by pods that did not keep running. */
    private static Optional<String> privilegesOfStoppedPods(
            List<Needs.Need> privileges, Map<String, PodEvidence> pods) {
        List<Needs.Need> relevant = privileges.stream()
                .filter(n -> pods.containsKey(n.pod())
                        && !"Running".equals(pods.get(n.pod()).phase()))
                .toList();
        if (relevant.isEmpty()) {
            return Optional.empty();
        }
        String privileged = relevant.stream()
                .filter(n -> n.kind().equals("privileged"))
                .map(Needs.Need::container)
                .distinct()
                .collect(Collectors.joining(", "));
        String propagated = relevant.stream()
                .filter(n -> n.kind().equals("mount propagation"))
                .map(Needs.Need::container)
                .distinct()
                .collect(Collectors.joining(", "));
        List<String> parts = new ArrayList<>();
        if (!privileged.isEmpty()) {
            parts.add("privileged containers (" + privileged + ")");
        }
        if (!propagated.isEmpty()) {
            parts.add("FUSE mounts shared between containers through mountPropagation: Bidirectional (" + propagated
                    + ")");
        }
        return Optional.of(String.join(" and ", parts) + ", which the plugin did not provide");
    }

    /** The pod's memory limit shown at work, if its failure says so. */
    private static Optional<String> memoryShown(PodEvidence pod) {
        for (Container c : pod.pod().getSpec().getContainers()) {
            var limit = pod.memoryLimit(c);
            if (limit.isEmpty()) {
                continue;
            }
            var end = pod.terminated(c.getName());
            boolean killed = end.map(
                            t -> Integer.valueOf(137).equals(t.getExitCode()) || "OOMKilled".equals(t.getReason()))
                    .orElse(false);
            if (killed || MEMORY_FAILURE.matcher(pod.log(c.getName())).find()) {
                return Optional.of("memory limit " + limit.get() + " enforced on container " + c.getName() + " ("
                        + end.map(t -> "exit " + t.getExitCode() + (t.getReason() == null ? "" : " " + t.getReason()))
                                .orElse("ended")
                        + ")");
            }
        }
        return Optional.empty();
    }

    private static String subject(PodEvidence pod) {
        return pod.pod().getSpec().getContainers().stream()
                .map(pod::memoryLimit)
                .flatMap(Optional::stream)
                .findFirst()
                .map(l -> "its " + l + " memory limit")
                .orElse("what the template tests");
    }

    private static Optional<String> imageRefused(PodEvidence pod) {
        if (!"Failed".equals(pod.phase())) {
            return Optional.empty();
        }
        String messages = pod.messages();
        return java.util.stream.Stream.concat(
                        pod.pod().getSpec().getInitContainers().stream(), pod.pod().getSpec().getContainers().stream())
                .map(Container::getImage)
                .filter(image -> image != null && messages.contains(image))
                .distinct()
                .findFirst()
                .map(image -> "image " + image + ", which the plugin does not have (it said: \""
                        + Checks.oneLine(messages, 200) + "\")");
    }

    static String reason(CheckOutcome outcome) {
        return switch (outcome) {
            case CheckOutcome.Holds h -> "checks hold";
            case CheckOutcome.Never n -> n.reason();
            case CheckOutcome.NotYet n -> "timed out: " + n.reason();
        };
    }

    private static List<String> distinct(List<String> items) {
        return items.stream().distinct().toList();
    }
}
