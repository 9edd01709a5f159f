package io.ponte.registry.adapter.postgres;

import java.util.Optional;

/**
 * The standard properties of the entities being filtered. A property the catalog does not know is a custom property,
 * looked up in {@code entity_property}.
 */
public interface FieldCatalog {

    /** The column of a standard property, or empty when {@code property} is not one. */
    Optional<Column> column(String property);
}
