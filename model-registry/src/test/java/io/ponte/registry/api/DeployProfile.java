package io.ponte.registry.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Deploys into namespace {@code ml} by default, with two placements: {@code leonardo-h100}, an interLink virtual
 * node in front of Leonardo's H100 partition, and {@code local-cpu}, a plain CPU pool in the cluster.
 */
public class DeployProfile implements QuarkusTestProfile {

    static final String NAMESPACE = "ml";
    static final String SLURM_FLAGS = "--partition=boost_usr_prod --gres=gpu:1";
    static final String PLACEMENT_ANNOTATION = "interlink.eu/pod-vpn";

    @Override
    public Map<String, String> getConfigOverrides() {
        String leonardo = "ponte.registry.deploy.placements.leonardo-h100.";
        return Map.of(
                "ponte.registry.deploy.namespace",
                NAMESPACE,
                leonardo + "node-selector.\"kubernetes.io/hostname\"",
                "leonardo-vk",
                leonardo + "interlink",
                "true",
                leonardo + "gpus",
                "1",
                leonardo + "slurm-flags",
                SLURM_FLAGS,
                leonardo + "memory",
                "64Gi",
                leonardo + "cpu",
                "8",
                leonardo + "runtime",
                "vllm-runtime",
                leonardo + "annotations.\"" + PLACEMENT_ANNOTATION + "\"",
                "true",
                "ponte.registry.deploy.placements.local-cpu.cpu",
                "2");
    }
}
