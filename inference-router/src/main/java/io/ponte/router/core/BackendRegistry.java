package io.ponte.router.core;

import io.ponte.router.config.RouterConfig.Protocol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every known replica, static or discovered, and the pools they form by served model name.
 *
 * <p>Writers (configuration, discovery, probes) are rare and serialised; readers (every request) see
 * an immutable snapshot through one volatile read.
 */
public final class BackendRegistry {

    private record Snapshot(Map<String, Replica> byName, Map<Protocol, Map<String, Pool>> pools) {}

    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());
    private final List<Consumer<BackendRegistry>> listeners = new CopyOnWriteArrayList<>();

    /** Adds a backend, or replaces the one with the same name (keeping its live state if its address is unchanged). */
    public synchronized void put(BackendSpec spec) {
        Map<String, Replica> byName = new HashMap<>(snapshot.byName());
        Replica old = byName.get(spec.name());
        byName.put(spec.name(), old == null ? new Replica(spec) : old.rebasedOn(spec));
        publish(byName);
    }

    /** Removes a backend; requests already sent to it finish. */
    public synchronized void remove(String name) {
        if (!snapshot.byName().containsKey(name)) {
            return;
        }
        Map<String, Replica> byName = new HashMap<>(snapshot.byName());
        byName.remove(name);
        publish(byName);
    }

    /** Replaces the served model names of a backend (learned by a probe). */
    public synchronized void updateModels(String name, Set<String> models) {
        Replica replica = snapshot.byName().get(name);
        if (replica != null && !replica.spec().models().equals(models)) {
            put(replica.spec().withModels(models));
        }
    }

    /** The pool serving {@code model} in {@code protocol}, if any replica serves it. */
    public Optional<Pool> pool(Protocol protocol, String model) {
        Map<String, Pool> pools = snapshot.pools().get(protocol);
        return pools == null ? Optional.empty() : Optional.ofNullable(pools.get(model));
    }

    /** Served model names across every backend of a protocol, sorted. */
    public Set<String> models(Protocol protocol) {
        return new TreeSet<>(snapshot.pools().getOrDefault(protocol, Map.of()).keySet());
    }

    /** All pools of a protocol. */
    public Collection<Pool> pools(Protocol protocol) {
        return snapshot.pools().getOrDefault(protocol, Map.of()).values();
    }

    public Optional<Replica> replica(String name) {
        return Optional.ofNullable(snapshot.byName().get(name));
    }

    public Collection<Replica> replicas() {
        return snapshot.byName().values();
    }

    /** Called after every change, on the writer's thread. */
    public void onChange(Consumer<BackendRegistry> listener) {
        listeners.add(listener);
    }

    private void publish(Map<String, Replica> byName) {
        Map<Protocol, Map<String, List<Replica>>> grouped = new HashMap<>();
        byName.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(r -> {
            for (String model : r.spec().models()) {
                grouped.computeIfAbsent(r.spec().protocol(), p -> new HashMap<>())
                        .computeIfAbsent(model, m -> new ArrayList<>())
                        .add(r);
            }
        });
        Map<Protocol, Map<String, Pool>> pools = new HashMap<>();
        grouped.forEach((protocol, models) -> {
            Map<String, Pool> byModel = new HashMap<>();
            models.forEach((model, replicas) -> byModel.put(model, new Pool(model, replicas)));
            pools.put(protocol, Map.copyOf(byModel));
        });
        snapshot = new Snapshot(Map.copyOf(byName), Map.copyOf(pools));
        listeners.forEach(l -> l.accept(this));
    }
}
