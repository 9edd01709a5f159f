package io.ponte.registry.spi;

import io.ponte.registry.core.RegistryEvent;

/** Where the registry announces what happened, for the router and pipelines to react to. */
public interface RegistryEvents {

    /** Hands the event over; never blocks the caller on a slow broker and never throws. */
    void publish(RegistryEvent event);
}
