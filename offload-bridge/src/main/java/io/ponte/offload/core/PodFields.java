package io.ponte.offload.core;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The downward API: pod fields by {@code fieldPath}, as env values and as downwardAPI files. */
final class PodFields {
    private static final Pattern KEYED = Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

    private PodFields() {}

    static Optional<String> value(Pod pod, String fieldPath) {
        ObjectMeta meta = pod.getMetadata();
        if (fieldPath == null || meta == null) {
            return Optional.empty();
        }
        Matcher keyed = KEYED.matcher(fieldPath);
        if (keyed.matches()) {
            Map<String, String> map = keyed.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
            return Optional.of(map == null ? "" : map.getOrDefault(keyed.group(2), ""));
        }
        return Optional.ofNullable(
                switch (fieldPath) {
                    case "metadata.name" -> meta.getName();
                    case "metadata.namespace" -> meta.getNamespace();
                    case "metadata.uid" -> meta.getUid();
                    case "metadata.labels" -> lines(meta.getLabels());
                    case "metadata.annotations" -> lines(meta.getAnnotations());
                    case "spec.nodeName" ->
                        pod.getSpec() == null ? null : pod.getSpec().getNodeName();
                    case "spec.serviceAccountName" ->
                        pod.getSpec() == null ? null : pod.getSpec().getServiceAccountName();
                    case "status.hostIP", "status.podIP" -> "127.0.0.1";
                    default -> null;
                });
    }

    /** {@code key="value"} lines, sorted, as the kubelet writes labels and annotations. */
    private static String lines(Map<String, String> map) {
        if (map == null) {
            return "";
        }
        return new TreeMap<>(map)
                .entrySet().stream()
                        .map(e -> e.getKey() + "=\""
                                + e.getValue().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining("\n"));
    }
}
