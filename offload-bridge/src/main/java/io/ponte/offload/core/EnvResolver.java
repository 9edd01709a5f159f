package io.ponte.offload.core;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container's environment, in Kubernetes order: {@code envFrom} first, then {@code env} (later
 * duplicates win), with {@code $(VAR)} references expanded. interLink resolves {@code valueFrom} and
 * {@code envFrom} before calling the plugin; leftovers are resolved here from the ConfigMaps and
 * Secrets of the request and the pod's own fields, or the pod is refused with the variable named.
 */
final class EnvResolver {
    private final PodRequest request;

    EnvResolver(PodRequest request) {
        this.request = request;
    }

    List<Map.Entry<String, String>> resolve(Container container) {
        List<Map.Entry<String, String>> env = new ArrayList<>();
        Map<String, String> sofar = new LinkedHashMap<>();
        for (EnvFromSource from : nullSafe(container.getEnvFrom())) {
            envFrom(container.getName(), from).forEach((k, v) -> add(env, sofar, k, v));
        }
        for (EnvVar var : nullSafe(container.getEnv())) {
            if (var.getName() == null || var.getName().isEmpty()) {
                throw new PodRejectedException("container " + container.getName() + ": an env entry has no name");
            }
            String raw = var.getValueFrom() != null
                            && (var.getValue() == null || var.getValue().isEmpty())
                    ? valueFrom(container, var.getName(), var.getValueFrom())
                    : var.getValue();
            if (raw != null) {
                add(env, sofar, var.getName(), DollarExpansion.expand(raw, sofar));
            }
        }
        return env;
    }

    private static void add(List<Map.Entry<String, String>> env, Map<String, String> sofar, String k, String v) {
        env.add(Map.entry(k, v));
        sofar.put(k, v);
    }

    private Map<String, String> envFrom(String container, EnvFromSource from) {
        String prefix = from.getPrefix() == null ? "" : from.getPrefix();
        Map<String, String> out = new LinkedHashMap<>();
        if (from.getConfigMapRef() != null) {
            String name = from.getConfigMapRef().getName();
            Optional<ConfigMap> cm = request.configMap(name);
            if (cm.isEmpty()) {
                if (Boolean.TRUE.equals(from.getConfigMapRef().getOptional())) {
                    return out;
                }
                throw missing(container, "envFrom", "configMap " + name);
            }
            nullSafe(cm.get().getData()).forEach((k, v) -> out.put(prefix + k, v));
        } else if (from.getSecretRef() != null) {
            String name = from.getSecretRef().getName();
            Optional<Secret> secret = request.secret(name);
            if (secret.isEmpty()) {
                if (Boolean.TRUE.equals(from.getSecretRef().getOptional())) {
                    return out;
                }
                throw missing(container, "envFrom", "secret " + name);
            }
            secretData(secret.get()).forEach((k, v) -> out.put(prefix + k, v));
        }
        return out;
    }

    private String valueFrom(Container container, String var, EnvVarSource source) {
        String where = "env " + var;
        if (source.getConfigMapKeyRef() != null) {
            var ref = source.getConfigMapKeyRef();
            Optional<String> value = request.configMap(ref.getName())
                    .map(cm -> nullSafe(cm.getData()).get(ref.getKey()));
            if (value.isEmpty() && Boolean.TRUE.equals(ref.getOptional())) {
                return null;
            }
            return value.orElseThrow(() ->
                    missing(container.getName(), where, "key " + ref.getKey() + " of configMap " + ref.getName()));
        }
        if (source.getSecretKeyRef() != null) {
            var ref = source.getSecretKeyRef();
            Optional<String> value =
                    request.secret(ref.getName()).map(s -> secretData(s).get(ref.getKey()));
            if (value.isEmpty() && Boolean.TRUE.equals(ref.getOptional())) {
                return null;
            }
            return value.orElseThrow(
                    () -> missing(container.getName(), where, "key " + ref.getKey() + " of secret " + ref.getName()));
        }
        if (source.getFieldRef() != null) {
            return PodFields.value(request.pod(), source.getFieldRef().getFieldPath())
                    .orElseThrow(() -> new PodRejectedException("container " + container.getName() + ": " + where
                            + " refers to field " + source.getFieldRef().getFieldPath()
                            + ", which this bridge cannot resolve"));
        }
        if (source.getResourceFieldRef() != null) {
            return ResourceFields.value(container, source.getResourceFieldRef());
        }
        throw new PodRejectedException("container " + container.getName() + ": " + where + " has an empty valueFrom");
    }

    /** A Secret's values: base64 {@code data}, plus {@code stringData} if a client left it in. */
    static Map<String, String> secretData(Secret secret) {
        Map<String, String> out = new LinkedHashMap<>();
        nullSafe(secret.getData()).forEach((k, v) -> out.put(k, decode(secret, k, v)));
        nullSafe(secret.getStringData()).forEach(out::put);
        return out;
    }

    private static String decode(Secret secret, String key, String value) {
        try {
            return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PodRejectedException("secret " + secret.getMetadata().getName() + " key " + key
                    + " is not valid base64: " + e.getMessage());
        }
    }

    private static PodRejectedException missing(String container, String where, String what) {
        return new PodRejectedException("container " + container + ": " + where + " needs " + what
                + ", which interLink did not send with the pod; check that it exists in the pod's namespace");
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <K, V> Map<K, V> nullSafe(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
