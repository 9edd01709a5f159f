package io.ponte.offload.core;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** {@code resourceFieldRef} env values: a container's limits and requests, divided by the divisor, rounded up. */
final class ResourceFields {
    private ResourceFields() {}

    static String value(Container container, ResourceFieldSelector ref) {
        String resource = ref.getResource() == null ? "" : ref.getResource();
        String[] parts = resource.split("\\.", 2);
        if (parts.length != 2) {
            throw new PodRejectedException("container " + container.getName() + ": resourceFieldRef '" + resource
                    + "' is not limits.<name> or requests.<name>");
        }
        var resources = container.getResources();
        Map<String, Quantity> map = resources == null
                ? Map.of()
                : EnvResolver.nullSafe(parts[0].equals("limits") ? resources.getLimits() : resources.getRequests());
        Quantity q = map.get(parts[1]);
        if (q == null) {
            return "0";
        }
        BigDecimal amount = q.getNumericalAmount();
        BigDecimal divisor =
                ref.getDivisor() == null ? BigDecimal.ONE : ref.getDivisor().getNumericalAmount();
        return amount.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
    }
}
