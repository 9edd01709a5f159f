package io.ponte.router.adapter.kserve;

import io.ponte.router.config.RouterConfig;
import io.ponte.router.core.TimeoutResolver;
import io.ponte.router.core.Timeouts;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The router's real configuration mapping, with its defaults and Quarkus' duration syntax, built from a few keys. */
final class Configs {

    private Configs() {}

    /** {@code RouterConfig} from {@code key, value, key, value, …} on top of the defaults. */
    static RouterConfig router(String... keyValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return new SmallRyeConfigBuilder()
                .withMapping(RouterConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(RouterConfig.class);
    }

    static Timeouts defaultTimeouts() {
        return TimeoutResolver.defaults(router().timeouts());
    }

    /** A mapper configured by {@code key, value, …}. */
    static BackendMapper mapper(String... keyValues) {
        RouterConfig config = router(keyValues);
        return new BackendMapper(config.kserve(), TimeoutResolver.defaults(config.timeouts()));
    }
}
