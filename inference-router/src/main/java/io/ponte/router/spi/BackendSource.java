package io.ponte.router.spi;

/**
 * A source of backends besides static configuration (KServe discovery, …). The router reports
 * ready only once every source has delivered its first complete view.
 */
public interface BackendSource {

    /** Short name for health output, e.g. {@code kserve}. */
    String name();

    /** Whether the first complete listing has been applied to the registry. */
    boolean synced();
}
