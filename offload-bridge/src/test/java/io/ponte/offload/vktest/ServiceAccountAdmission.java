package io.ponte.offload.vktest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.stream.Stream;

/**
 * What the API server's ServiceAccount admission plugin adds to every pod (the mock server does
 * no admission): {@code serviceAccountName: default} and a {@code kube-api-access-xxxxx}
 * projected volume (token, {@code kube-root-ca.crt}'s {@code ca.crt}, the namespace) mounted
 * read-only at {@code /var/run/secrets/kubernetes.io/serviceaccount} in every container.
 */
final class ServiceAccountAdmission {
    static final String MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServiceAccountAdmission() {}

    static void admit(Pod pod) {
        var spec = pod.getSpec();
        if (spec.getServiceAccountName() == null || spec.getServiceAccountName().isEmpty()) {
            spec.setServiceAccountName("default");
        }
        if (Boolean.FALSE.equals(spec.getAutomountServiceAccountToken())) {
            return;
        }
        String volume = "kube-api-access-" + suffix(5);
        spec.setVolumes(new ArrayList<>(spec.getVolumes()));
        spec.getVolumes()
                .add(new VolumeBuilder()
                        .withName(volume)
                        .withNewProjected()
                        .withDefaultMode(0644)
                        .addNewSource()
                        .withNewServiceAccountToken()
                        .withExpirationSeconds(3607L)
                        .withPath("token")
                        .endServiceAccountToken()
                        .endSource()
                        .addNewSource()
                        .withNewConfigMap()
                        .withName("kube-root-ca.crt")
                        .addNewItem()
                        .withKey("ca.crt")
                        .withPath("ca.crt")
                        .endItem()
                        .endConfigMap()
                        .endSource()
                        .addNewSource()
                        .withNewDownwardAPI()
                        .addNewItem()
                        .withPath("namespace")
                        .withNewFieldRef("v1", "metadata.namespace")
                        .endItem()
                        .endDownwardAPI()
                        .endSource()
                        .endProjected()
                        .build());
        for (Container c : Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream())
                .toList()) {
            boolean taken = c.getVolumeMounts().stream().anyMatch(m -> MOUNT_PATH.equals(m.getMountPath()));
            if (!taken) {
                c.setVolumeMounts(new ArrayList<>(c.getVolumeMounts()));
                c.getVolumeMounts()
                        .add(new VolumeMountBuilder()
                                .withName(volume)
                                .withMountPath(MOUNT_PATH)
                                .withReadOnly(true)
                                .build());
            }
        }
    }

    /** A random name suffix from the alphabet Kubernetes uses for generated names. */
    static String suffix(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
