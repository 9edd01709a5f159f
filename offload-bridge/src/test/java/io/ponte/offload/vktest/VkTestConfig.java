package io.ponte.offload.vktest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The suite's {@code vktest_config.yaml}: the virtual nodes to target, the namespaces that must
 * exist, the timeout multiplier and the values the templates are rendered with.
 *
 * @param targetNodes node names; every template runs once per node
 * @param requiredNamespaces namespaces created on the API server before the templates run
 * @param timeoutMultiplier every template's {@code timeout_seconds} is multiplied by this
 * @param values template values ({@code namespace}, {@code annotations}, {@code tolerations})
 */
record VkTestConfig(
        List<String> targetNodes,
        List<String> requiredNamespaces,
        double timeoutMultiplier,
        Map<String, Object> values) {

    private static final Set<String> KEYS =
            Set.of("target_nodes", "required_namespaces", "timeout_multiplier", "values");
    private static final Set<String> VALUE_KEYS = Set.of("annotations", "namespace", "tolerations");

    VkTestConfig {
        targetNodes = List.copyOf(targetNodes);
        requiredNamespaces = List.copyOf(requiredNamespaces);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static VkTestConfig load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** Parses the file as the upstream runner does: unknown keys are an error. */
    @SuppressWarnings("unchecked")
    static VkTestConfig parse(String yamlText) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("vktest config: expected a mapping at the top level");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("vktest config: unknown key '" + key + "'");
            }
        }
        Object values = map.get("values");
        if (!(values instanceof Map<?, ?> valueMap)) {
            throw new IllegalArgumentException("vktest config: 'values' must be a mapping");
        }
        for (Object key : valueMap.keySet()) {
            if (!VALUE_KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(
                        "vktest config: unknown template value '" + key + "' (allowed: " + VALUE_KEYS + ")");
            }
        }
        return new VkTestConfig(
                strings(map.get("target_nodes"), "target_nodes"),
                strings(map.get("required_namespaces"), "required_namespaces"),
                number(map.containsKey("timeout_multiplier") ? map.get("timeout_multiplier") : 1.0),
                (Map<String, Object>) valueMap);
    }

    /** The same configuration with another multiplier (CI runs with a smaller one). */
    VkTestConfig withTimeoutMultiplier(double multiplier) {
        return new VkTestConfig(targetNodes, requiredNamespaces, multiplier, values);
    }

    private static List<String> strings(Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("vktest config: '" + key + "' must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("vktest config: timeout_multiplier is not a number: " + value, e);
        }
    }
}
