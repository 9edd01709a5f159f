package io.ponte.pipelines.config;

import io.ponte.pipelines.core.plan.Routing;
import io.ponte.pipelines.spi.TaskLaunch.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks at start-up that every named placement says one consistent thing: "tasks placed here run
 * through executor Y, on its site X". The executor must be configured; a site must be one the
 * executor defines ({@code ponte.pipelines.executors.kubernetes.placements.<X>} for interLink
 * virtual nodes behind Kubernetes, {@code ponte.pipelines.executors.offload.sites.<X>} for
 * offload-bridges reached directly); a queue or priority class is for the kubernetes executor only;
 * the local executor takes neither.
 */
final class PlacementCheck {

    private PlacementCheck() {}

    /**
     * @param routing the default executor and the named placements
     * @param sitesByExecutor the configured executors, each with the site names it defines
     * @return what is wrong, one line per problem naming the key; empty when all is consistent
     */
    static List<String> problems(Routing routing, Map<String, Set<String>> sitesByExecutor) {
        List<String> out = new ArrayList<>();
        if (!sitesByExecutor.containsKey(routing.defaultExecutor())) {
            out.add("ponte.pipelines.default-executor=" + routing.defaultExecutor() + " is not configured (configured: "
                    + sitesByExecutor.keySet() + ")");
        }
        routing.placements().forEach((name, p) -> check("ponte.pipelines.placements." + name, p, sitesByExecutor, out));
        return out;
    }

    private static void check(String key, Placement p, Map<String, Set<String>> sitesByExecutor, List<String> out) {
        Set<String> sites = sitesByExecutor.get(p.executor());
        if (sites == null) {
            out.add(key + ".executor=" + p.executor() + " is not configured (configured: " + sitesByExecutor.keySet()
                    + ")");
            return;
        }
        if (!p.executor().equals("kubernetes")) {
            p.queue().ifPresent(q -> out.add(key + ".queue is for the kubernetes executor, not " + p.executor()));
            p.priorityClass()
                    .ifPresent(
                            q -> out.add(key + ".priority-class is for the kubernetes executor, not " + p.executor()));
        }
        if (p.site().isEmpty()) {
            return;
        }
        String site = p.site().get();
        switch (p.executor()) {
            case "kubernetes" -> {
                if (!sites.contains(site)) {
                    out.add(key + ".site=" + site
                            + " is not defined under ponte.pipelines.executors.kubernetes.placements" + " (defined: "
                            + sites + ")");
                }
            }
            case "offload" -> {
                if (!sites.contains(site)) {
                    out.add(key + ".site=" + site + " is not defined under ponte.pipelines.executors.offload.sites"
                            + " (defined: " + sites + ")");
                }
            }
            default -> out.add(key + ".site is for the kubernetes and offload executors, not " + p.executor());
        }
    }
}
