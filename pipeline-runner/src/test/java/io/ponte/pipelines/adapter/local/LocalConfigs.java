package io.ponte.pipelines.adapter.local;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link LocalExecutorConfig} from properties, as the service's config mapping would. */
final class LocalConfigs {
    static final String PREFIX = "ponte.pipelines.executors.local";

    private LocalConfigs() {}

    /** Keys are relative to the prefix, e.g. {@code default-runtime}. */
    static LocalExecutorConfig of(Map<String, String> keys) {
        Map<String, String> props = new HashMap<>();
        props.put(PREFIX + ".kill-grace", "2s");
        props.put(PREFIX + ".poll-interval", "50ms");
        keys.forEach((k, v) -> props.put(PREFIX + "." + k, v));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(LocalExecutorConfig.class, PREFIX)
                .withSources(new PropertiesConfigSource(props, "test", 100))
                .build();
        return config.getConfigMapping(LocalExecutorConfig.class, PREFIX);
    }
}
