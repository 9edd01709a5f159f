package io.ponte.offload.core;

import static io.ponte.offload.core.EnvResolver.nullSafe;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A projected or downwardAPI volume interLink did not send as data: assembled here from the
 * request's ConfigMaps and Secrets and the pod's fields. Service-account tokens cannot be minted
 * here and are left out.
 */
final class ProjectedSources {
    private ProjectedSources() {}

    static ConfigMap assemble(PodRequest request, Volume volume) {
        Map<String, String> data = new LinkedHashMap<>();
        if (volume.getDownwardAPI() != null) {
            downward(request, volume.getName(), volume.getDownwardAPI().getItems(), data);
        } else {
            for (VolumeProjection source : nullSafe(volume.getProjected().getSources())) {
                if (source.getConfigMap() != null) {
                    var ref = source.getConfigMap();
                    var cm = request.configMap(ref.getName());
                    if (cm.isEmpty() && !Boolean.TRUE.equals(ref.getOptional())) {
                        throw missing(volume.getName(), "configMap " + ref.getName());
                    }
                    cm.ifPresent(c -> copy(nullSafe(c.getData()), ref.getItems(), data));
                } else if (source.getSecret() != null) {
                    var ref = source.getSecret();
                    var secret = request.secret(ref.getName());
                    if (secret.isEmpty() && !Boolean.TRUE.equals(ref.getOptional())) {
                        throw missing(volume.getName(), "secret " + ref.getName());
                    }
                    secret.ifPresent(s -> copy(EnvResolver.secretData(s), ref.getItems(), data));
                } else if (source.getDownwardAPI() != null) {
                    downward(request, volume.getName(), source.getDownwardAPI().getItems(), data);
                }
            }
        }
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(volume.getName())
                .endMetadata()
                .withData(data)
                .build();
    }

    private static void copy(Map<String, String> values, List<KeyToPath> items, Map<String, String> into) {
        if (items == null || items.isEmpty()) {
            into.putAll(values);
            return;
        }
        for (KeyToPath item : items) {
            if (values.containsKey(item.getKey())) {
                into.put(item.getPath(), values.get(item.getKey()));
            }
        }
    }

    private static void downward(
            PodRequest request, String volume, List<DownwardAPIVolumeFile> items, Map<String, String> into) {
        for (DownwardAPIVolumeFile item : nullSafe(items)) {
            if (item.getFieldRef() != null) {
                String path = item.getFieldRef().getFieldPath();
                into.put(
                        item.getPath(),
                        PodFields.value(request.pod(), path)
                                .orElseThrow(() -> new PodRejectedException(
                                        "volume " + volume + ": field " + path + " cannot be resolved here")));
            }
        }
    }

    private static PodRejectedException missing(String volume, String what) {
        return new PodRejectedException("volume " + volume + " needs " + what
                + ", which interLink did not send with the pod; check that it exists in the pod's namespace");
    }
}
