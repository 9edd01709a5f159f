package io.ponte.offload.core;

import static io.ponte.offload.core.EnvResolver.nullSafe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a pod asks for, as one job: for each resource the larger of the sum over its containers
 * (which run together) and the largest init container (which run one at a time), as Kubernetes
 * computes a pod's effective request. Limits are used where set, requests otherwise.
 *
 * @param cpus whole CPUs (rounded up), empty if no container says
 * @param memoryMb MiB (rounded up), empty if no container says
 * @param gpus GPUs ({@code nvidia.com/gpu}, {@code amd.com/gpu}, {@code gpu}), empty if none
 */
public record JobResources(Optional<Integer> cpus, Optional<Long> memoryMb, Optional<Integer> gpus) {

    private static final List<String> GPU_NAMES = List.of("nvidia.com/gpu", "amd.com/gpu", "gpu");
    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024L);

    static JobResources of(PodSpec spec) {
        BigDecimal cpu = effective(spec, c -> quantity(c, "cpu"));
        BigDecimal mem = effective(spec, c -> quantity(c, "memory"));
        BigDecimal gpu = effective(spec, JobResources::gpus);
        return new JobResources(
                positive(cpu).map(v -> v.setScale(0, RoundingMode.CEILING).intValueExact()),
                positive(mem).map(v -> v.divide(MIB, 0, RoundingMode.CEILING).longValueExact()),
                positive(gpu).map(v -> v.setScale(0, RoundingMode.CEILING).intValueExact()));
    }

    private interface Amount {
        BigDecimal of(Container c);
    }

    private static BigDecimal effective(PodSpec spec, Amount amount) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Container c : nullSafe(spec.getContainers())) {
            sum = sum.add(amount.of(c));
        }
        BigDecimal initMax = BigDecimal.ZERO;
        for (Container c : nullSafe(spec.getInitContainers())) {
            initMax = initMax.max(amount.of(c));
        }
        return sum.max(initMax);
    }

    private static BigDecimal gpus(Container c) {
        BigDecimal total = BigDecimal.ZERO;
        for (String name : GPU_NAMES) {
            total = total.add(quantity(c, name));
        }
        return total;
    }

    private static BigDecimal quantity(Container c, String resource) {
        if (c.getResources() == null) {
            return BigDecimal.ZERO;
        }
        Map<String, Quantity> limits = nullSafe(c.getResources().getLimits());
        Quantity q = limits.containsKey(resource)
                ? limits.get(resource)
                : nullSafe(c.getResources().getRequests()).get(resource);
        if (q == null) {
            return BigDecimal.ZERO;
        }
        try {
            return q.getNumericalAmount();
        } catch (IllegalArgumentException e) {
            throw new PodRejectedException(
                    "container " + c.getName() + ": resource " + resource + " '" + q + "' is not a valid quantity");
        }
    }

    private static Optional<BigDecimal> positive(BigDecimal v) {
        return v.signum() > 0 ? Optional.of(v) : Optional.empty();
    }
}
