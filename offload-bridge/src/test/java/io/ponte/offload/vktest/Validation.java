package io.ponte.offload.vktest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A template's validation block (the YAML after {@code # VALIDATION}), checked as strictly as the
 * upstream schema: unknown keys and values outside the enumerations are errors.
 *
 * @param timeoutSeconds how long the checks may take before the template fails, before the
 *     multiplier
 * @param checkPods pod phase checks
 * @param checkLogs log checks
 * @param cleanConfigs what to delete afterwards, and when
 */
record Validation(
        double timeoutSeconds, List<CheckPod> checkPods, List<CheckLogs> checkLogs, List<CleanConfig> cleanConfigs) {

    /** The upstream default when a template gives no {@code timeout_seconds}. */
    static final double DEFAULT_TIMEOUT_SECONDS = 60;

    private static final Set<String> PHASES = Set.of("Pending", "Running", "Succeeded", "Failed", "Unknown");

    /** A pod that must reach {@code status} (default {@code Succeeded}). */
    record CheckPod(String name, String namespace, String status) {}

    /** A regular expression applied to a container's log with an operator. */
    record CheckLogs(
            String name,
            String namespace,
            String regex,
            LogOperator operator,
            Optional<String> container,
            Optional<String> value) {}

    /** An object deleted after the checks, depending on their outcome. */
    record CleanConfig(String type, String name, String namespace, String condition) {

        boolean appliesAfter(boolean succeeded) {
            return switch (condition) {
                case "always" -> true;
                case "never" -> false;
                case "onSuccess" -> succeeded;
                default -> !succeeded; // onFailure
            };
        }
    }

    static Validation parse(Object yaml) {
        if (yaml == null) {
            return new Validation(DEFAULT_TIMEOUT_SECONDS, List.of(), List.of(), List.of());
        }
        Map<?, ?> map = Yamls.mapping(yaml, "validation");
        Yamls.onlyKeys(map, "validation", "timeout_seconds", "check_pods", "check_logs", "clean_configs");
        double timeout = map.containsKey("timeout_seconds")
                ? Yamls.number(map.get("timeout_seconds"), "timeout_seconds")
                : DEFAULT_TIMEOUT_SECONDS;
        return new Validation(
                timeout,
                Yamls.list(map.get("check_pods"), "check_pods").stream()
                        .map(Validation::checkPod)
                        .toList(),
                Yamls.list(map.get("check_logs"), "check_logs").stream()
                        .map(Validation::checkLogs)
                        .toList(),
                Yamls.list(map.get("clean_configs"), "clean_configs").stream()
                        .map(Validation::cleanConfig)
                        .toList());
    }

    private static CheckPod checkPod(Object item) {
        Map<?, ?> m = Yamls.mapping(item, "check_pods[]");
        Yamls.onlyKeys(m, "check_pods[]", "name", "namespace", "status");
        String status = Yamls.optionalString(m, "status").orElse("Succeeded");
        Yamls.oneOf(status, PHASES, "check_pods[].status");
        return new CheckPod(Yamls.string(m, "name"), Yamls.string(m, "namespace"), status);
    }

    private static CheckLogs checkLogs(Object item) {
        Map<?, ?> m = Yamls.mapping(item, "check_logs[]");
        Yamls.onlyKeys(m, "check_logs[]", "name", "namespace", "regex", "operator", "container", "value");
        LogOperator operator =
                LogOperator.parse(Yamls.optionalString(m, "operator").orElse("Exists"));
        return new CheckLogs(
                Yamls.string(m, "name"),
                Yamls.string(m, "namespace"),
                Yamls.string(m, "regex"),
                operator,
                Yamls.optionalString(m, "container"),
                Yamls.optionalString(m, "value"));
    }

    private static CleanConfig cleanConfig(Object item) {
        Map<?, ?> m = Yamls.mapping(item, "clean_configs[]");
        Yamls.onlyKeys(m, "clean_configs[]", "type", "name", "namespace", "condition");
        String type = Yamls.string(m, "type");
        Yamls.oneOf(type, Set.of("pod", "namespace", "service", "config_map", "secret"), "clean_configs[].type");
        String condition = Yamls.optionalString(m, "condition").orElse("always");
        Yamls.oneOf(condition, Set.of("always", "never", "onSuccess", "onFailure"), "clean_configs[].condition");
        return new CleanConfig(type, Yamls.string(m, "name"), Yamls.string(m, "namespace"), condition);
    }
}
