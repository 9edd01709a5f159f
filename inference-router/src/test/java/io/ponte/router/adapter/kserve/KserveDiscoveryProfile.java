package io.ponte.router.adapter.kserve;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * KServe discovery on, watching {@code ml} and {@code hpc}. The module's global test resources (the
 * static backends of {@code Upstreams}) stay: disabling them would also drop the mock API server.
 */
public class KserveDiscoveryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ponte.router.kserve.enabled", "true",
                "ponte.router.kserve.namespaces", "ml,hpc");
    }
}
