package io.ponte.offload.api;

import io.ponte.offload.adapter.slurm.SlurmCluster;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The bridge on the slurm backend, against the real cluster of {@code scripts/slurm.sh} (started if needed). */
public class SlurmProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ponte.offload.backend", "slurm",
                "ponte.offload.slurm.conf", SlurmCluster.ensureStarted().toString(),
                "ponte.offload.root", "target/offload-slurm-pods");
    }
}
