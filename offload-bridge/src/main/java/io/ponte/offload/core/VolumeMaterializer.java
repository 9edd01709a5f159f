package io.ponte.offload.core;

import static io.ponte.offload.core.EnvResolver.nullSafe;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a pod's volumes under {@code volumes/NAME/} of its working directory: ConfigMap and Secret
 * keys (or their {@code items}) as files with {@code defaultMode} / item modes, projected and
 * downwardAPI volumes from the ConfigMap interLink sends in their name (keys are file paths,
 * written byte for byte, newlines kept), emptyDir as an empty shared directory. A {@code hostPath}
 * volume is not written: it is mounted where it is, when the {@link HostPathPolicy} allows it.
 */
final class VolumeMaterializer {
    private static final int DEFAULT_MODE = 0644;

    private final PodRequest request;
    private final PodDirectory dir;
    private final HostPathPolicy hostPaths;
    private final Map<String, Path> hostPathTargets = new LinkedHashMap<>();

    VolumeMaterializer(PodRequest request, PodDirectory dir) {
        this(request, dir, HostPathPolicy.none());
    }

    VolumeMaterializer(PodRequest request, PodDirectory dir, HostPathPolicy hostPaths) {
        this.request = request;
        this.dir = dir;
        this.hostPaths = hostPaths;
    }

    /** The real host paths of the pod's hostPath volumes, by volume name, after {@link #materialise()}. */
    Map<String, Path> hostPaths() {
        return hostPathTargets;
    }

    /** Materialises every pod volume; answers which ones are read-only by nature (all but emptyDir). */
    Map<String, Boolean> materialise() {
        Map<String, Boolean> readOnly = new LinkedHashMap<>();
        for (Volume volume : nullSafe(request.pod().getSpec().getVolumes())) {
            String name = volume.getName();
            PodDirectory.requireSafe("spec.volumes[].name", name);
            if (volume.getHostPath() != null) {
                hostPathTargets.put(
                        name,
                        hostPaths.resolve(
                                name,
                                volume.getHostPath().getPath(),
                                volume.getHostPath().getType()));
                readOnly.put(name, false);
                continue;
            }
            Path target = dir.volume(name);
            createDirectory(target, volume.getEmptyDir() != null ? 0777 : 0755);
            readOnly.put(name, volume.getEmptyDir() == null);
            if (volume.getEmptyDir() != null) {
                continue;
            }
            if (volume.getConfigMap() != null) {
                configMap(volume, target);
            } else if (volume.getSecret() != null) {
                secret(volume, target);
            } else if (volume.getProjected() != null || volume.getDownwardAPI() != null) {
                projected(volume, target);
            } else {
                throw new PodRejectedException("volume " + name + ": only configMap, secret, projected, downwardAPI and"
                        + " emptyDir volumes, and hostPath under "
                        + HostPathPolicy.KEY + ", are supported here (persistentVolumeClaim and others are not)");
            }
        }
        return readOnly;
    }

    private void configMap(Volume volume, Path target) {
        var source = volume.getConfigMap();
        var cm = request.configMap(source.getName());
        if (cm.isEmpty()) {
            requireOptional(volume.getName(), source.getOptional(), "configMap " + source.getName());
            return;
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        nullSafe(cm.get().getData()).forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        nullSafe(cm.get().getBinaryData()).forEach((k, v) -> data.put(k, base64(volume.getName(), k, v)));
        writeKeys(volume.getName(), target, data, source.getItems(), source.getDefaultMode(), source.getOptional());
    }

    private void secret(Volume volume, Path target) {
        var source = volume.getSecret();
        var secret = request.secret(source.getSecretName());
        if (secret.isEmpty()) {
            requireOptional(volume.getName(), source.getOptional(), "secret " + source.getSecretName());
            return;
        }
        Map<String, byte[]> data = new LinkedHashMap<>();
        nullSafe(secret.get().getData()).forEach((k, v) -> data.put(k, base64(volume.getName(), k, v)));
        nullSafe(secret.get().getStringData()).forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        writeKeys(volume.getName(), target, data, source.getItems(), source.getDefaultMode(), source.getOptional());
    }

    private void projected(Volume volume, Path target) {
        Integer defaultMode = volume.getProjected() != null
                ? volume.getProjected().getDefaultMode()
                : volume.getDownwardAPI().getDefaultMode();
        ConfigMap sent =
                request.projected(volume.getName()).orElseGet(() -> ProjectedSources.assemble(request, volume));
        Map<String, byte[]> data = new LinkedHashMap<>();
        nullSafe(sent.getData()).forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
        nullSafe(sent.getBinaryData()).forEach((k, v) -> data.put(k, base64(volume.getName(), k, v)));
        writeKeys(volume.getName(), target, data, null, defaultMode, false);
    }

    private static void writeKeys(
            String volume,
            Path target,
            Map<String, byte[]> data,
            List<KeyToPath> items,
            Integer defaultMode,
            Boolean optional) {
        int mode = defaultMode == null ? DEFAULT_MODE : defaultMode;
        if (items == null || items.isEmpty()) {
            data.forEach((key, bytes) -> VolumeFiles.write(volume, target, key, bytes, mode));
            return;
        }
        for (KeyToPath item : items) {
            byte[] bytes = data.get(item.getKey());
            if (bytes == null) {
                if (Boolean.TRUE.equals(optional)) {
                    continue;
                }
                throw new PodRejectedException("volume " + volume + ": item key '" + item.getKey()
                        + "' is not in the data sent (keys: " + data.keySet() + ")");
            }
            int itemMode = item.getMode() == null ? mode : item.getMode();
            VolumeFiles.write(volume, target, item.getPath(), bytes, itemMode);
        }
    }

    private static void requireOptional(String volume, Boolean optional, String what) {
        if (!Boolean.TRUE.equals(optional)) {
            throw new PodRejectedException("volume " + volume + " needs " + what
                    + ", which interLink did not send with the pod; check that it exists in the pod's namespace");
        }
    }

    private static byte[] base64(String volume, String key, String value) {
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new PodRejectedException(
                    "volume " + volume + ": key " + key + " is not valid base64 (" + e.getMessage() + ")");
        }
    }

    private static void createDirectory(Path path, int mode) {
        try {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, VolumeFiles.permissions(mode));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + path.getFileName(), e);
        }
    }
}
