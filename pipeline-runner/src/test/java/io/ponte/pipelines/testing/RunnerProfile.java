package io.ponte.pipelines.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings every {@code @QuarkusTest} of the runner needs here: a free HTTP port, no Dev
 * Services (no Docker). Subclasses add their own keys with {@link #more()}.
 */
public class RunnerProfile implements QuarkusTestProfile {

    @Override
    public final Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.http.test-port", "0");
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.kubernetes-client.devservices.enabled", "false");
        config.putAll(more());
        return config;
    }

    /** Keys this profile adds or overrides. */
    protected Map<String, String> more() {
        return Map.of();
    }
}
