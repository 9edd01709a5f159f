package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ProjectedVolumeSourceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Assembles the {@code /create} body as interLink's virtual kubelet and API server do together:
 * the VK fetches the objects behind the pod's volumes (projected and downwardAPI volumes become a
 * ConfigMap named after the pod volume, keyed by file path, with the service-account token,
 * {@code ca.crt} and namespace resolved; a downwardAPI volume is rewritten as a projected one);
 * the API server then hands each init container and container, in spec order, the data of the
 * volumes it mounts. emptyDirs carry no data ({@code emptyDirs} stays null: the plugin makes them).
 * Like the VK, projected {@code secret} sources and {@code resourceFieldRef} items are not
 * forwarded.
 */
final class VolumeAssembler {
    private final ClusterObjects cluster;

    VolumeAssembler(ClusterObjects cluster) {
        this.cluster = cluster;
    }

    /** A volume whose ConfigMap or Secret does not exist ("CFGMaps/Secrets not found" in the VK). */
    static final class MissingVolumeSource extends Exception {
        MissingVolumeSource(String message) {
            super(message);
        }
    }

    /** Builds the request; {@code pod} (already env-resolved) may have downwardAPI volumes rewritten. */
    CreateRequest assemble(Pod pod) throws MissingVolumeSource {
        String ns = pod.getMetadata().getNamespace();
        Map<String, ConfigMap> configMaps = new LinkedHashMap<>();
        Map<String, Secret> secrets = new LinkedHashMap<>();
        Map<String, ConfigMap> projected = new LinkedHashMap<>();
        for (Volume volume : pod.getSpec().getVolumes()) {
            if (volume.getConfigMap() != null) {
                String name = volume.getConfigMap().getName();
                configMaps.put(
                        volume.getName(),
                        cluster.configMap(ns, name).orElseThrow(() -> missing(volume, "configmap", name)));
            } else if (volume.getSecret() != null) {
                String name = volume.getSecret().getSecretName();
                secrets.put(
                        volume.getName(), cluster.secret(ns, name).orElseThrow(() -> missing(volume, "secret", name)));
            } else if (volume.getProjected() != null) {
                Map<String, String> data = new TreeMap<>();
                for (VolumeProjection source : volume.getProjected().getSources()) {
                    project(pod, volume, source, data);
                }
                projected.put(volume.getName(), named(volume.getName(), data));
            } else if (volume.getDownwardAPI() != null) {
                Map<String, String> data = new TreeMap<>();
                downward(pod, volume.getDownwardAPI().getItems(), data);
                projected.put(volume.getName(), named(volume.getName(), data));
                volume.setProjected(new ProjectedVolumeSourceBuilder()
                        .withDefaultMode(volume.getDownwardAPI().getDefaultMode())
                        .withSources(new VolumeProjectionBuilder()
                                .withNewDownwardAPI()
                                .withItems(volume.getDownwardAPI().getItems())
                                .endDownwardAPI()
                                .build())
                        .build());
                volume.setDownwardAPI(null);
            }
        }
        List<CreateRequest.ContainerData> entries = new ArrayList<>();
        for (Container c : Stream.concat(
                        pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
                .toList()) {
            List<ConfigMap> cms = new ArrayList<>();
            List<Secret> ss = new ArrayList<>();
            List<ConfigMap> pvs = new ArrayList<>();
            for (VolumeMount mount : c.getVolumeMounts()) {
                String v = mount.getName();
                if (configMaps.containsKey(v)) {
                    cms.add(configMaps.get(v));
                } else if (secrets.containsKey(v)) {
                    ss.add(secrets.get(v));
                } else if (projected.containsKey(v)) {
                    pvs.add(projected.get(v));
                }
            }
            entries.add(new CreateRequest.ContainerData(c.getName(), cms, ss, pvs));
        }
        return new CreateRequest(pod, entries);
    }

    private void project(Pod pod, Volume volume, VolumeProjection source, Map<String, String> data)
            throws MissingVolumeSource {
        String ns = pod.getMetadata().getNamespace();
        if (source.getServiceAccountToken() != null) {
            data.put(source.getServiceAccountToken().getPath(), cluster.serviceAccountToken(pod));
        } else if (source.getConfigMap() != null) {
            String name = source.getConfigMap().getName();
            ConfigMap cm = cluster.configMap(ns, name).orElseThrow(() -> missing(volume, "configmap", name));
            Map<String, String> cmData = cm.getData() == null ? Map.of() : cm.getData();
            if (source.getConfigMap().getItems().isEmpty()) {
                data.putAll(cmData);
            } else {
                for (var item : source.getConfigMap().getItems()) {
                    if (!cmData.containsKey(item.getKey())) {
                        throw new MissingVolumeSource(
                                "volume " + volume.getName() + ": key " + item.getKey() + " not in configmap " + name);
                    }
                    data.put(item.getPath(), cmData.get(item.getKey()));
                }
            }
        } else if (source.getDownwardAPI() != null) {
            downward(pod, source.getDownwardAPI().getItems(), data);
        }
    }

    private static void downward(Pod pod, List<DownwardAPIVolumeFile> items, Map<String, String> data) {
        for (DownwardAPIVolumeFile item : items) {
            if (item.getFieldRef() == null) {
                continue;
            }
            String value = switch (item.getFieldRef().getFieldPath()) {
                case "metadata.name" -> pod.getMetadata().getName();
                case "metadata.namespace" -> pod.getMetadata().getNamespace();
                case "metadata.uid" -> pod.getMetadata().getUid();
                case "metadata.labels" -> keyValueLines(pod.getMetadata().getLabels());
                case "metadata.annotations" -> keyValueLines(pod.getMetadata().getAnnotations());
                case "spec.nodeName" -> pod.getSpec().getNodeName();
                case "spec.serviceAccountName" -> pod.getSpec().getServiceAccountName();
                default -> null;
            };
            if (value != null) {
                data.put(item.getPath(), value);
            }
        }
    }

    /** {@code key="value"} lines, sorted, values quoted as Go's strconv.Quote does for ASCII. */
    private static String keyValueLines(Map<String, String> map) {
        if (map == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        new TreeMap<>(map)
                .forEach((k, v) -> out.append(k)
                        .append('=')
                        .append('"')
                        .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                        .append("\"\n"));
        return out.toString();
    }

    private static ConfigMap named(String name, Map<String, String> data) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(data)
                .build();
    }

    private static MissingVolumeSource missing(Volume volume, String kind, String name) {
        return new MissingVolumeSource("volume " + volume.getName() + ": " + kind + " \"" + name + "\" not found");
    }
}
