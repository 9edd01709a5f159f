package io.ponte.router.adapter.kserve;

import io.ponte.api.kserve.InferenceService;
import io.ponte.router.core.BackendRegistry;
import io.ponte.router.core.BackendSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Brings the registry in step with the current state of one InferenceService. Level-based: it is
 * told which resource changed and reads that resource's latest state itself, so replays, resyncs,
 * relists and deletes whose final state is unknown all converge; a put that changes nothing is not
 * made, and not logged.
 */
final class RegistrySync {

    private static final Logger LOG = Logger.getLogger(RegistrySync.class);

    private final BackendRegistry registry;
    private final BackendMapper mapper;
    /** What this source has put into the registry, by backend name. */
    private final Map<String, BackendSpec> routed = new HashMap<>();
    /** The last reason logged for not routing a resource, so each is logged once. */
    private final Map<String, String> skipped = new HashMap<>();

    RegistrySync(BackendRegistry registry, BackendMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    /**
     * Reconciles {@code namespace/name}; {@code current} yields its latest state, or {@code null}
     * once it is gone. It is read under this object's lock, so concurrent callers cannot apply an
     * older state after a newer one.
     */
    synchronized void reconcile(String namespace, String name, Supplier<InferenceService> current) {
        String backend = BackendMapper.backendName(namespace, name);
        InferenceService isvc = current.get();
        if (isvc == null) {
            skipped.remove(backend);
            remove(backend, "it was deleted");
            return;
        }
        switch (mapper.map(isvc)) {
            case Mapping.Route route -> put(route);
            case Mapping.Skip skip -> skip(backend, skip);
        }
    }

    /** The backends this source currently routes to, by name. */
    synchronized Map<String, BackendSpec> routed() {
        return Map.copyOf(routed);
    }

    private void put(Mapping.Route route) {
        BackendSpec spec = route.spec();
        skipped.remove(spec.name());
        BackendSpec before = routed.put(spec.name(), spec);
        if (spec.equals(before)) {
            return;
        }
        route.warnings().forEach(w -> LOG.warnf("InferenceService %s: %s", spec.name(), w));
        registry.put(spec);
        LOG.infof(
                "%s KServe backend %s at %s serving %s (%s, weight %d)",
                before == null ? "Added" : "Updated",
                spec.name(),
                spec.baseUrl(),
                spec.models().iterator().next(),
                spec.protocol(),
                spec.weight());
    }

    private void skip(String backend, Mapping.Skip skip) {
        remove(backend, skip.reason());
        if (Objects.equals(skipped.put(backend, skip.reason()), skip.reason())) {
            return;
        }
        if (skip.warn()) {
            LOG.warnf("Not routing to InferenceService %s: %s", backend, skip.reason());
        } else {
            LOG.debugf("Not routing to InferenceService %s: %s", backend, skip.reason());
        }
    }

    private void remove(String backend, String reason) {
        BackendSpec gone = routed.remove(backend);
        if (gone != null) {
            registry.remove(backend);
            LOG.infof("Removed KServe backend %s at %s: %s", backend, gone.baseUrl(), reason);
        }
    }
}
