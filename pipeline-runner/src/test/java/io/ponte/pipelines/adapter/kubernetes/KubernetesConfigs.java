package io.ponte.pipelines.adapter.kubernetes;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link KubernetesExecutorConfig} from properties, as the service's config mapping would. */
final class KubernetesConfigs {
    static final String PREFIX = "ponte.pipelines.executors.kubernetes";

    private KubernetesConfigs() {}

    /** Keys are relative to the prefix. */
    static KubernetesExecutorConfig of(Map<String, String> keys) {
        Map<String, String> props = new HashMap<>();
        props.put(PREFIX + ".poll-interval", "100ms");
        keys.forEach((k, v) -> props.put(PREFIX + "." + k, v));
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(KubernetesExecutorConfig.class, PREFIX)
                .withSources(new PropertiesConfigSource(props, "test", 100))
                .build()
                .getConfigMapping(KubernetesExecutorConfig.class, PREFIX);
    }
}
