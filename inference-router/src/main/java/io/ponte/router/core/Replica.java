package io.ponte.router.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend and its live state: requests in flight, passive-ejection bookkeeping and the result of
 * the last active probe. Thread-safe; the counters are read on every routing decision.
 */
public final class Replica {

    private final BackendSpec spec;
    private final Address address;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final OutlierState outlier = new OutlierState();
    private volatile boolean probeReady = true;

    public Replica(BackendSpec spec) {
        this.spec = spec;
        this.address = Address.of(spec.baseUrl());
    }

    public BackendSpec spec() {
        return spec;
    }

    /** The base URL, taken apart. */
    public Address address() {
        return address;
    }

    public String name() {
        return spec.name();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Marks one more request in flight; pair with {@link #release()}. */
    public void acquire() {
        inFlight.incrementAndGet();
    }

    public void release() {
        inFlight.decrementAndGet();
    }

    public OutlierState outlier() {
        return outlier;
    }

    public boolean probeReady() {
        return probeReady;
    }

    public void probeReady(boolean ready) {
        this.probeReady = ready;
    }

    /** Whether routing should consider this replica now. */
    public boolean available(long nowNanos) {
        return probeReady && !outlier.ejected(nowNanos);
    }

    /** A replica for the same backend after a spec change, keeping live counters when the address is unchanged. */
    Replica rebasedOn(BackendSpec newSpec) {
        if (newSpec.baseUrl().equals(spec.baseUrl()) && newSpec.protocol() == spec.protocol()) {
            Replica r = new Replica(newSpec);
            r.probeReady = probeReady;
            r.outlier.copyFrom(outlier);
            return r;
        }
        return new Replica(newSpec);
    }

    @Override
    public String toString() {
        return spec.toString();
    }
}
