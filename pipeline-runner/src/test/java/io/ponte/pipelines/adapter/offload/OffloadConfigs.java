package io.ponte.pipelines.adapter.offload;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds {@link OffloadExecutorConfig} from properties, as the service's config mapping would. */
final class OffloadConfigs {
    static final String PREFIX = "ponte.pipelines.executors.offload";

    private OffloadConfigs() {}

    static OffloadExecutorConfig of(Map<String, String> keys) {
        Map<String, String> props = new HashMap<>();
        props.put(PREFIX + ".poll-interval", "100ms");
        props.put(PREFIX + ".call-timeout", "5s");
        keys.forEach((k, v) -> props.put(PREFIX + "." + k, v));
        return new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(OffloadExecutorConfig.class, PREFIX)
                .withSources(new PropertiesConfigSource(props, "test", 100))
                .build()
                .getConfigMapping(OffloadExecutorConfig.class, PREFIX);
    }
}
