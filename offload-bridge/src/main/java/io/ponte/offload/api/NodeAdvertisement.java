package io.ponte.offload.api;

import io.ponte.offload.config.OffloadConfig;
import io.ponte.offload.core.OffloadService;
import io.ponte.offload.spi.NodeCapacity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer to interLink's ping. With node resources configured, or with the slurm backend (whose
 * partition says what it has), the node advertises capacity and taints; otherwise the answer is
 * {@code []}, which interLink also takes as healthy.
 */
@ApplicationScoped
class NodeAdvertisement {
    private final OffloadConfig config;
    private final OffloadService service;

    NodeAdvertisement(OffloadConfig config, OffloadService service) {
        this.config = config;
        this.service = service;
    }

    Object ping() {
        OffloadConfig.NodeConfig node = config.node();
        boolean configured = node.cpu().isPresent()
                || node.memory().isPresent()
                || node.gpus().isPresent()
                || node.taints().isPresent();
        if (!configured && !config.backend().equals("slurm")) {
            return List.of();
        }
        Optional<NodeCapacity> capacity = config.backend().equals("slurm") ? service.capacity() : Optional.empty();
        String cpu = node.cpu()
                .orElse(capacity.map(c -> Long.toString(c.totalCpus())).orElse(null));
        String memory =
                node.memory().orElse(capacity.map(c -> c.totalMemoryMb() + "Mi").orElse(null));
        long gpus = node.gpus()
                .map(Integer::longValue)
                .orElse(capacity.map(NodeCapacity::totalGpus).orElse(0L));
        List<WirePing.Accelerator> accelerators =
                gpus > 0 ? List.of(new WirePing.Accelerator("nvidia.com/gpu", "", gpus)) : List.of();
        return new WirePing(
                "ok",
                new WirePing.Resources(cpu, memory, Integer.toString(node.pods()), accelerators),
                taints(node.taints().orElse(List.of())));
    }

    /** {@code key=value:Effect} or {@code key:Effect}. */
    static List<WirePing.Taint> taints(List<String> specs) {
        List<WirePing.Taint> out = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.lastIndexOf(':');
            String keyValue = colon < 0 ? spec : spec.substring(0, colon);
            String effect = colon < 0 ? "NoSchedule" : spec.substring(colon + 1);
            int eq = keyValue.indexOf('=');
            out.add(new WirePing.Taint(
                    eq < 0 ? keyValue : keyValue.substring(0, eq), eq < 0 ? "" : keyValue.substring(eq + 1), effect));
        }
        return out;
    }
}
